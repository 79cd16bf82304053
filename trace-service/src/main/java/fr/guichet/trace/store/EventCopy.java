package fr.guichet.trace.store;

import fr.guichet.common.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads trace rows with PostgreSQL's {@code COPY ... FROM STDIN} (text format), the bulk path of
 * ingestion: one round trip for a whole batch and PostgreSQL's multi-row insert, instead of one
 * executor pass per row.
 *
 * <p>{@code COPY} has no {@code ON CONFLICT}: a row already stored (a re-sent batch), or stored
 * meanwhile by a concurrent transaction, makes the whole {@code COPY} fail with a unique violation
 * (SQLState {@value #UNIQUE_VIOLATION}), after which the caller falls back to the idempotent insert. Rows must come in (month, id) order, the order every ingestion inserts in, so
 * that two transactions copying overlapping rows wait on each other instead of deadlocking.
 */
public final class EventCopy {

    /** Columns of {@link #values}: every stored column but {@code batch_id}. */
    public static final int COLUMN_COUNT = 24;

    /** SQLState of a unique violation: a row of the copy was stored by another transaction. */
    public static final String UNIQUE_VIOLATION = "23505";

    private static final String COPY = """
            copy trace_event (id, ts, kind, request_id, token_jti, habilitation_id, partner_siret, api_kind, method,
                operation_id, path, parameters, client_ip, user_agent, status, error_code, provider, latency_ms,
                actor, action, reason, siren, siret, recipient, batch_id) from stdin""";

    private EventCopy() {
    }

    /**
     * Copies {@code rows} into {@code trace_event} under {@code batchId}, in the transaction of
     * {@code c}.
     *
     * @param parametersJson the JSON text of an event's parameters ({@code null} when it has none)
     * @throws SQLException a unique violation ({@value #UNIQUE_VIOLATION}) when a row is already stored
     */
    public static void copy(Connection c, List<StoredEvent> rows, long batchId,
                            Function<TraceEvent, String> parametersJson) throws SQLException {
        byte[] data = encode(rows, batchId, parametersJson);
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            in.writeToCopy(data, 0, data.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** The rows in COPY's text format: tab-separated, {@code \N} for null, one line per row. */
    static byte[] encode(List<StoredEvent> rows, long batchId, Function<TraceEvent, String> parametersJson) {
        StringBuilder out = new StringBuilder(rows.size() * 512);
        String batch = Long.toString(batchId);
        for (StoredEvent s : rows) {
            for (String value : values(s, parametersJson)) {
                field(out, value);
            }
            out.append(batch).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The {@value #COLUMN_COUNT} stored columns of a row before {@code batch_id}, as PostgreSQL's text
     * input of each (the column order of every insert of trace rows).
     */
    public static String[] values(StoredEvent s, Function<TraceEvent, String> parametersJson) {
        TraceEvent e = s.event();
        return new String[] {
            e.id().toString(), e.timestamp().toString(), e.kind().name(), e.requestId(), e.tokenJti(),
            e.habilitationId(), e.partnerSiret(), e.apiKind(), e.method(), e.operationId(), e.path(),
            e.parameters() == null ? null : parametersJson.apply(e), e.clientIp(), e.userAgent(),
            Integer.toString(e.status()), e.errorCode(), e.provider(),
            e.latencyMs() == null ? null : e.latencyMs().toString(), e.actor(), e.action(), e.reason(),
            s.siren(), s.siret(), s.recipient()};
    }

    /** One column then the tab; backslash, tab, CR and LF escaped as COPY's text format wants them. */
    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N\t");
            return;
        }
        int first = firstToEscape(value);
        if (first < 0) {
            // Almost every value: appended at once rather than a character at a time.
            out.append(value).append('\t');
            return;
        }
        out.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        out.append('\t');
    }

    /** Index of the first character COPY's text format escapes, or -1. */
    private static int firstToEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return i;
            }
        }
        return -1;
    }
}
