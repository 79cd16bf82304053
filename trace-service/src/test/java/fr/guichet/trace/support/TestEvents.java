package fr.guichet.trace.support;

import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.UuidV7;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Trace events as the gateway (API calls) and token-service (admin actions) emit them. */
public final class TestEvents {

    public static final String GATEWAY_AUTH = basic("gateway", "test-gateway-trace-secret");
    public static final String TOKEN_SERVICE_AUTH = basic("token-service", "test-token-service-trace-secret");

    private TestEvents() {
    }

    public static String basic(String user, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + secret).getBytes());
    }

    /** An admin action on a token, as token-service sends it. */
    public static TraceEvent adminAction(String jti, String partnerSiret, Instant at) {
        Instant ts = at.truncatedTo(ChronoUnit.MICROS);
        UUID id = UuidV7.at(ts.toEpochMilli());
        return new TraceEvent(id, ts, TraceEvent.Kind.ADMIN_ACTION, "req-" + id, jti, "hab-" + jti, partnerSiret,
                "entreprise", "POST", null, "/admin/tokens/" + jti + "/prolong", Map.of(), null, null, 201, null, null,
                null, "admin", "prolong_token", "Prolongation");
    }

    public static TraceEvent apiCall(String jti, String partnerSiret, String siren, int status, Instant at) {
        return apiCall(jti, partnerSiret, "entreprise", "unites_legales_insee", siren, status, at);
    }

    public static TraceEvent apiCall(String jti, String partnerSiret, String apiKind, String operation, String siren,
                                     int status, Instant at) {
        Instant ts = at.truncatedTo(ChronoUnit.MICROS);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("context", "Test de trace");
        params.put("object", "Dossier 42");
        params.put("recipient", "13002526500013");
        UUID id = UuidV7.at(ts.toEpochMilli());
        return new TraceEvent(id, ts, TraceEvent.Kind.API_CALL, "req-" + id, jti, "hab-" + jti, partnerSiret, apiKind,
                "GET", operation, "/v3/insee/sirene/unites_legales/" + siren, params, "203.0.113.7", "curl/8.0",
                status, status >= 400 ? "00101" : null, "insee", 42L, null, null, null);
    }
}
