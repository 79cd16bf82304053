package fr.guichet.gateway.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.trace.KeyedHash;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.TraceEventValidator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No trace, no data: the recorder applies trace-service's own rules before anything is answered. */
@QuarkusTest
class TraceRecorderTest {

    @Inject
    TraceRecorder recorder;

    static TraceRecorder.Call call(int status, Map<String, List<String>> query, String path, String userAgent) {
        return new TraceRecorder.Call("rid-" + UUID.randomUUID(), null, null, null, "entreprise", "GET",
                "api_entreprise_v3_insee_unites_legales", path, Map.of("siren", "418166096"), query, "127.0.0.1",
                userAgent, status, status >= 400 ? "00201" : null, "insee", 1);
    }

    /** 64 query parameters plus the route's siren: one more than trace-service stores. */
    static Map<String, List<String>> sixtyFourParameters() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < 64; i++) {
            query.put("p" + i, List.of("v"));
        }
        return query;
    }

    static void assertStorable(TraceEvent e) {
        Instant now = Instant.now();
        assertEquals(List.of(), TraceEventValidator.validate(e, now, Duration.ofMinutes(5), now.minus(Duration.ofDays(1))));
    }

    @Test
    void aCallWhoseTraceWouldBeRefusedIsRefusedBeforeAnyData() {
        TraceRecorder.Call data = call(200, sixtyFourParameters(), "/v3/insee/sirene/unites_legales/418166096", "curl");
        ApiException e = assertThrows(ApiException.class, () -> recorder.checkTraceable(data));
        assertEquals(422, e.status());
        assertEquals("00252", e.errors().get(0).code());
        assertThrows(UntraceableCallException.class, () -> recorder.record(data), "the safety net at journaling");
    }

    @Test
    void aRefusalIsAlwaysJournaledInAStorableForm() {
        TraceEvent e = recorder.record(call(422, sixtyFourParameters(), "/v3/insee/sirene/unites_legales/418166096", "curl"));
        assertStorable(e);
        assertEquals(TraceEventValidator.MAX_PARAMETERS, e.parameters().size());
    }

    @Test
    void oddUnauthenticatedCallsAreStoredBounded() {
        String path = "/v3/" + "a".repeat(3800);
        TraceEvent e = recorder.record(call(404, Map.of("context", List.of("Audit\0x\r\nforged")), path, "u".repeat(500) + "x".repeat(100)));
        assertStorable(e);
        assertEquals(TraceRecorder.MAX_PATH, e.path().length());
        assertTrue(e.path().endsWith("…"));
        assertEquals(TraceRecorder.MAX_USER_AGENT, e.userAgent().length());
        assertEquals("Audit\uFFFDx\uFFFD\uFFFDforged", e.parameters().get("context"), "no NUL, no line break stored");
    }

    /**
     * A person's parameters are stored under common's {@link KeyedHash} keyed by the trace salt
     * ({@code %test}: {@code test-trace-salt}), the very value trace-service recomputes to find
     * the calls about a person; the recipient SIRET stays clear.
     */
    @Test
    void aPersonsParametersAreStoredUnderTheSharedKeyedHash() {
        TraceRecorder.Call particulier = new TraceRecorder.Call("rid-" + UUID.randomUUID(), null, null, null,
                "particulier", "GET", "api_particulier_v3_cnav_quotient_familial_with_civility",
                "/v3/dss/quotient_familial/identite", Map.of(), Map.of("nomNaissance", List.of("DUPONT"),
                        "nomUsage", List.of("MARTIN"), "recipient", List.of("13002526500013")), "127.0.0.1", "curl", 200, null, "cnav", 1);
        TraceEvent e = recorder.record(particulier);
        KeyedHash shared = new KeyedHash("test-trace-salt");
        assertEquals(shared.hash("DUPONT"), e.parameters().get("nomNaissance"));
        assertEquals(shared.hash("DUPONT"), recorder.hash("DUPONT"));
        // The usage name a FranceConnect identity may add is hashed like the rest.
        assertEquals(shared.hash("MARTIN"), e.parameters().get("nomUsage"));
        assertEquals("13002526500013", e.parameters().get("recipient"));
    }
}
