package fr.guichet.trace.query.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.config.TraceConfig;
import fr.guichet.trace.store.EventRows;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Streamed audit export: a server-side cursor feeds the response row by row, so memory stays flat
 * whatever the number of rows (at most {@code guichet.trace.export.fetch-size} rows held).
 */
@ApplicationScoped
public class ExportService {

    public enum Format { NDJSON, CSV }

    static final String CSV_HEADER = "id,timestamp,kind,request_id,token_jti,habilitation_id,partner_siret,api_kind,method,"
            + "operation_id,path,parameters,client_ip,user_agent,status,error_code,provider,latency_ms,actor,action,reason\n";
    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ObjectWriter eventWriter;
    private final int fetchSize;

    public ExportService(AgroalDataSource dataSource, ObjectMapper json, TraceConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.eventWriter = json.writerFor(TraceEvent.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        this.fetchSize = config.export().fetchSize();
    }

    /** Writes every matching row, oldest first; returns the row count. */
    public long export(TraceFilter filter, Format format, OutputStream target) {
        List<Object> args = new ArrayList<>();
        String sql = "select " + EventRows.COLUMNS + " from trace_event where " + filter.where(args, false) + " order by ts, id";
        long rows = 0;
        long started = System.nanoTime();
        OutputStream out = new BufferedOutputStream(target, 64 * 1024);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor needs a transaction
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(fetchSize);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (format == Format.NDJSON) {
                        rows = writeNdjson(rs, out);
                    } else {
                        rows = writeCsv(rs, out);
                    }
                }
            }
            c.commit();
            out.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("export failed after " + rows + " rows: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("export interrupted after " + rows + " rows", e);
        }
        LOG.infof("trace export (%s): %d rows in %d ms", format, rows, (System.nanoTime() - started) / 1_000_000);
        return rows;
    }

    private long writeNdjson(ResultSet rs, OutputStream out) throws SQLException, IOException {
        long rows = 0;
        JsonGenerator g = json.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        while (rs.next()) {
            eventWriter.writeValue(g, EventRows.read(rs, json).event());
            g.writeRaw('\n');
            if (++rows % 50_000 == 0) {
                LOG.debugf("trace export: %d rows", rows);
            }
        }
        g.flush();
        return rows;
    }

    private long writeCsv(ResultSet rs, OutputStream out) throws SQLException, IOException {
        long rows = 0;
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(CSV_HEADER);
        StringBuilder line = new StringBuilder(512);
        while (rs.next()) {
            TraceEvent e = EventRows.read(rs, json).event();
            line.setLength(0);
            cell(line, e.id().toString());
            cell(line, e.timestamp().toString());
            cell(line, e.kind() == null ? null : e.kind() == TraceEvent.Kind.API_CALL ? "api_call" : "admin_action");
            cell(line, e.requestId());
            cell(line, e.tokenJti());
            cell(line, e.habilitationId());
            cell(line, e.partnerSiret());
            cell(line, e.apiKind());
            cell(line, e.method());
            cell(line, e.operationId());
            cell(line, e.path());
            cell(line, e.parameters() == null ? null : json.writeValueAsString(e.parameters()));
            cell(line, e.clientIp());
            cell(line, e.userAgent());
            cell(line, Integer.toString(e.status()));
            cell(line, e.errorCode());
            cell(line, e.provider());
            cell(line, e.latencyMs() == null ? null : e.latencyMs().toString());
            cell(line, e.actor());
            cell(line, e.action());
            cell(line, e.reason());
            line.setCharAt(line.length() - 1, '\n');
            w.write(line.toString());
            rows++;
        }
        w.flush();
        return rows;
    }

    /**
     * RFC 4180 cell followed by a comma. A value a spreadsheet would run as a formula (first
     * character {@code = + - @}, tab or carriage return: OWASP "CSV Injection") is prefixed with
     * {@code '} and quoted, so that it is shown as text.
     */
    static void cell(StringBuilder line, String value) {
        if (value != null) {
            String text = startsLikeFormula(value) ? "'" + value : value;
            if (text.equals(value) && text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0
                    && text.indexOf('\r') < 0) {
                line.append(text);
            } else {
                line.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
        }
        line.append(',');
    }

    private static boolean startsLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

}
