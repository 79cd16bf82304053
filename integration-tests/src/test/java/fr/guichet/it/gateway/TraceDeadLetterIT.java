package fr.guichet.it.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.it.SharedStack;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import fr.guichet.testing.ServiceProcess;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event that the real trace-service refuses (here: stamped two days ahead, beyond its clock-skew
 * bound, as a replica with a wrong clock would write it) must not block the gateway's trace shipping:
 * it ends in the journal's dead-letter file and the calls after it reach trace-service.
 *
 * <p>No trace, no data, through the real gateway and the real trace-service: odd inputs that
 * trace-service would refuse to store are refused by the gateway with a 4xx and no data, and every
 * answered call, data or refusal, has its one row in trace-service (none dead-lettered).
 */
@SharedStack.Uses
class TraceDeadLetterIT {

    static final String RECIPIENT = "13002526500013";
    static final String SKEWED_REQUEST_ID = "it-clock-skewed-" + UUID.randomUUID();
    static final String PATH = "/v3/insee/sirene/unites_legales/775672272";

    static Path journal;
    static GuichetStack stack;
    static ServiceProcess gateway;
    static IssuedToken token;

    @BeforeAll
    static void startSuite() throws Exception {
        journal = SharedStack.LOGS.resolve("trace-dead-letter-journal");
        if (Files.exists(journal)) {
            try (Stream<Path> files = Files.list(journal)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(journal);
        // What a gateway replica with a clock two days ahead left in its journal before this start.
        String skewed = "{\"id\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"" + Instant.now().plus(2, ChronoUnit.DAYS)
                + "\",\"kind\":\"api_call\",\"request_id\":\"" + SKEWED_REQUEST_ID + "\",\"token_jti\":\"" + UUID.randomUUID()
                + "\",\"api_kind\":\"entreprise\",\"method\":\"GET\",\"operation_id\":\"api_entreprise_v3_insee_unites_legales\","
                + "\"path\":\"/v3/insee/sirene/unites_legales/775672272\",\"parameters\":{\"recipient\":\"" + RECIPIENT + "\"},"
                + "\"client_ip\":\"127.0.0.1\",\"status\":200,\"provider\":\"insee\",\"latency_ms\":3}\n";
        Files.writeString(journal.resolve("trace-000000000001.ndjson"), skewed, StandardCharsets.UTF_8);

        // The shared stack's token-service, trace-service and provider-insee, behind a gateway
        // instance of its own that starts on that journal (so its dead-letter file and counter
        // hold this test's events alone).
        stack = SharedStack.get();
        gateway = stack.startInstance(Service.GATEWAY, "gateway-service-trace-dead-letter",
                Map.of("guichet.gateway.journal.dir", journal.toString()));
        token = stack.issueToken(List.of("unites_legales_etablissements_insee"), 5000);
    }

    @AfterAll
    static void stopSuite() {
        if (gateway != null) {
            gateway.stop();
        }
    }

    static Connection connect(String database) throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + GuichetStack.PG + "/" + database,
                GuichetStack.DB_USER, GuichetStack.DB_PASSWORD);
    }

    static boolean stored(String requestId) throws Exception {
        return rows(requestId) > 0;
    }

    @Test
    void aRefusedEventIsDeadLetteredAndTheNextCallsAreStillShipped() throws Exception {
        Response r = given().baseUri(gateway.url())
                .header("Authorization", "Bearer " + token.token())
                .queryParam("context", "Contrôle des aides publiques")
                .queryParam("object", "Dossier " + UUID.randomUUID())
                .queryParam("recipient", RECIPIENT)
                .get("/v3/insee/sirene/unites_legales/775672272");
        assertEquals(200, r.statusCode(), r.asString());
        String requestId = r.header("X-Request-ID");

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!stored(requestId) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(stored(requestId), "the call after the refused event reached trace-service");
        assertFalse(stored(SKEWED_REQUEST_ID), "trace-service refused the skewed event");

        Path deadLetters = journal.resolve("dead-letter.ndjson");
        assertTrue(Files.exists(deadLetters), "dead-letter file next to the journal");
        List<String> kept = Files.readAllLines(deadLetters, StandardCharsets.UTF_8);
        assertEquals(1, kept.size(), String.join("\n", kept));
        assertTrue(kept.get(0).contains(SKEWED_REQUEST_ID), kept.get(0));

        String metrics = given().baseUri(gateway.url()).get("/q/metrics").asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("guichet_gateway_traces_dead_lettered_total")
                && l.endsWith(" 1.0")), "dead-letter metric counts one event");
    }

    static int rows(String requestId) throws Exception {
        return Integer.parseInt(traced("count(*)", requestId));
    }

    /** One expression over the trace row(s) of {@code requestId} in trace-service; null without a row. */
    static String traced(String expression, String requestId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + GuichetStack.PG + "/"
                + Service.TRACE.database() + "?currentSchema=" + SharedStack.SCHEMA, GuichetStack.DB_USER, GuichetStack.DB_PASSWORD);
                PreparedStatement st = c.prepareStatement("select " + expression + " from trace_event where request_id = ?")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A raw query (sent as is, not re-encoded) with a fresh request id. */
    static Response get(String pathAndQuery, boolean withToken, String userAgent) {
        var spec = given().baseUri(gateway.url()).urlEncodingEnabled(false)
                .header("X-Request-ID", "nt-" + UUID.randomUUID());
        if (withToken) {
            spec.header("Authorization", "Bearer " + token.token());
        }
        if (userAgent != null) {
            spec.header("User-Agent", userAgent);
        }
        return spec.get(pathAndQuery);
    }

    static String traceable(String object) {
        return "context=Contr%C3%B4le&object=" + object + "&recipient=" + RECIPIENT;
    }

    @Test
    void whatCannotBeTracedIsRefusedAndEveryAnsweredCallIsTraced() throws Exception {
        Map<String, Integer> answered = new LinkedHashMap<>();
        StringBuilder sixtyOne = new StringBuilder();
        for (int i = 0; i < 61; i++) {
            sixtyOne.append("&p").append(i).append("=v");
        }
        // input → expected status; none of the refusals carries data.
        Map<String, Integer> inputs = new LinkedHashMap<>();
        inputs.put(PATH + "?" + traceable("Dossier-1"), 200);
        inputs.put(PATH + "?context=Audit%00x&object=o&recipient=" + RECIPIENT, 422);
        inputs.put(PATH + "?" + traceable("o%0D%0Aforged"), 422);
        inputs.put(PATH + "?context=a&object=b&recipient=13002526500013&recipient=12345678901234", 422);
        inputs.put(PATH + "?context=a&object=b&recipient=12345678901234&recipient=13002526500013", 422);
        inputs.put(PATH + "?context=a&context=&object=b&recipient=" + RECIPIENT, 422);
        inputs.put(PATH + "?context=a&object=b&recipient=13002526500013%0A", 422);
        inputs.put(PATH + "?context=a&object=b&recipient=13002526500013%20", 422);
        // 64 query parameters + the route's siren: one more than trace-service stores.
        inputs.put(PATH + "?" + traceable("Dossier-2") + sixtyOne, 422);
        // 65 query parameters: refused before anything else.
        inputs.put(PATH + "?" + traceable("Dossier-3") + sixtyOne + "&one=more", 400);
        for (Map.Entry<String, Integer> input : inputs.entrySet()) {
            Response r = get(input.getKey(), true, null);
            assertEquals((int) input.getValue(), r.statusCode(), input.getKey() + " → " + r.asString());
            if (r.statusCode() != 200) {
                assertTrue(r.asString().contains("\"errors\""), "error model, no data: " + r.asString());
                assertFalse(r.asString().contains("\"siren\""), "no data: " + r.asString());
            }
            answered.put(r.header("X-Request-ID"), r.statusCode());
        }
        // The token as a percent-encoded ?token= parameter authenticates, and is never traced.
        Response viaQuery = get(PATH + "?" + traceable("Dossier-4") + "&%74oken=" + token.token(), false, null);
        assertEquals(200, viaQuery.statusCode(), viaQuery.asString());
        answered.put(viaQuery.header("X-Request-ID"), 200);
        // Unauthenticated and odd: a 3,800-character path and a 600-character User-Agent.
        Response odd = get("/v3/" + "a".repeat(3800), false, "u".repeat(600));
        assertEquals(404, odd.statusCode());
        answered.put(odd.header("X-Request-ID"), 404);

        long deadline = System.nanoTime() + 60_000_000_000L;
        List<String> missing = List.copyOf(answered.keySet());
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(300);
            List<String> still = new java.util.ArrayList<>();
            for (String id : missing) {
                if (rows(id) == 0) {
                    still.add(id);
                }
            }
            missing = still;
        }
        assertEquals(List.of(), missing, "answered calls without their trace row");
        for (String id : answered.keySet()) {
            assertEquals(1, rows(id), "one row for " + id);
        }
        String bounds = traced("greatest(length(path), length(user_agent))", odd.header("X-Request-ID"));
        assertTrue(Integer.parseInt(bounds) <= 512, "path and User-Agent stored bounded: " + bounds);
        Path deadLetters = journal.resolve("dead-letter.ndjson");
        String deadLettered = Files.exists(deadLetters) ? Files.readString(deadLetters, StandardCharsets.UTF_8) : "";
        for (String id : answered.keySet()) {
            assertFalse(deadLettered.contains(id), "dead-lettered: " + id);
        }
        String stored = traced("parameters::text", viaQuery.header("X-Request-ID"));
        assertFalse(stored.contains(token.token()), "the JWT is never traced: " + stored);
    }
}
