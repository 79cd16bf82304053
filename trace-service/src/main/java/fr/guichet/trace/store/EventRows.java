package fr.guichet.trace.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.trace.TraceEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Reads trace rows back from JDBC result sets (same columns as {@link #COLUMNS}). */
public final class EventRows {

    public static final String COLUMNS = "id, ts, kind, request_id, token_jti, habilitation_id, partner_siret, api_kind, "
            + "method, operation_id, path, parameters::text as parameters, client_ip, user_agent, status, error_code, "
            + "provider, latency_ms, actor, action, reason, siren, siret, recipient, batch_id";

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private EventRows() {
    }

    public static StoredEvent read(ResultSet rs, ObjectMapper json) throws SQLException {
        Map<String, String> parameters = null;
        String raw = rs.getString("parameters");
        if (raw != null) {
            try {
                Map<String, Object> values = json.readValue(raw, MAP);
                parameters = new LinkedHashMap<>();
                for (Map.Entry<String, Object> v : values.entrySet()) {
                    parameters.put(v.getKey(), v.getValue() == null ? null : String.valueOf(v.getValue()));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("unreadable parameters of trace " + rs.getString("id"), e);
            }
        }
        String kind = rs.getString("kind");
        long latency = rs.getLong("latency_ms");
        Long latencyMs = rs.wasNull() ? null : latency;
        TraceEvent event = new TraceEvent(
                rs.getObject("id", UUID.class),
                rs.getObject("ts", java.time.OffsetDateTime.class).toInstant(),
                kind == null ? null : kindOf(kind),
                rs.getString("request_id"), rs.getString("token_jti"), rs.getString("habilitation_id"),
                rs.getString("partner_siret"), rs.getString("api_kind"), rs.getString("method"),
                rs.getString("operation_id"), rs.getString("path"), parameters, rs.getString("client_ip"),
                rs.getString("user_agent"), rs.getInt("status"), rs.getString("error_code"), rs.getString("provider"),
                latencyMs, rs.getString("actor"), rs.getString("action"), rs.getString("reason"));
        return new StoredEvent(event, rs.getString("siren"), rs.getString("siret"), rs.getString("recipient"));
    }

    private static TraceEvent.Kind kindOf(String value) {
        try {
            return TraceEvent.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null; // an unknown kind hashes differently from any real one
        }
    }
}
