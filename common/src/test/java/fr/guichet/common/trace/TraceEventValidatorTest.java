package fr.guichet.common.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceEventValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    static TraceEvent call(String path, Map<String, String> parameters, String userAgent) {
        return new TraceEvent(UuidV7.next(), NOW, TraceEvent.Kind.API_CALL, "rid", null, null, null, null, "GET",
                null, path, parameters, "127.0.0.1", userAgent, 200, null, null, 3L, null, null, null);
    }

    static List<String> fields(TraceEvent e) {
        return TraceEventValidator.validate(e, NOW, Duration.ofMinutes(5), NOW.minus(Duration.ofDays(1100)))
                .stream().map(TraceEventValidator.Violation::field).toList();
    }

    @Test
    void anOrdinaryCallIsValid() {
        assertEquals(List.of(), fields(call("/v3/insee/sirene/unites_legales/418166096",
                Map.of("context", "Audit", "recipient", "13002526500013"), "curl/8")));
    }

    @Test
    void nulInAParameterValueOrNameIsRefused() {
        assertEquals(List.of("parameters"), fields(call("/v3/x", Map.of("context", "Audit\0x"), null)));
        assertEquals(List.of("parameters"), fields(call("/v3/x", Map.of("con\0text", "Audit"), null)));
    }

    @Test
    void moreThanSixtyFourParametersAreRefused() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < TraceEventValidator.MAX_PARAMETERS + 1; i++) {
            many.put("p" + i, "v");
        }
        assertEquals(List.of("parameters"), fields(call("/v3/x", many, null)));
        many.remove("p0");
        assertEquals(List.of(), fields(call("/v3/x", many, null)));
    }

    @Test
    void overLongTextFieldsAreRefused() {
        String longPath = "/v3/" + "a".repeat(TraceEventValidator.MAX_TEXT);
        assertEquals(List.of("path"), fields(call(longPath, Map.of(), null)));
        assertEquals(List.of("user_agent"), fields(call("/v3/x", Map.of(), "u".repeat(TraceEventValidator.MAX_TEXT + 1))));
        assertTrue(TraceEventValidator.fitsText("u".repeat(TraceEventValidator.MAX_TEXT)));
    }

    @Test
    void missingIdentityAndBadStatusAreRefused() {
        TraceEvent e = new TraceEvent(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, 42, null, null, -1L, null, null, null);
        assertEquals(List.of("id", "timestamp", "kind", "status", "latency_ms"), fields(e));
    }
}
