package fr.guichet.it.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
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
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event that the real trace-service refuses (here: stamped two days ahead, beyond its clock-skew
 * bound, as a replica with a wrong clock would write it) must not block the gateway's trace shipping:
 * it ends in the journal's dead-letter file and the calls after it reach trace-service.
 */
class TraceDeadLetterIT {

    static final String SCHEMA = "trace_dead_letter";
    static final String RECIPIENT = "13002526500013";
    static final String SKEWED_REQUEST_ID = "it-clock-skewed-" + UUID.randomUUID();

    static Path journal;
    static GuichetStack stack;

    @BeforeAll
    static void startSuite() throws Exception {
        Path logs = Path.of("target", "it-logs", "trace-dead-letter").toAbsolutePath();
        journal = logs.resolve("journal");
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

        GuichetStack.Builder builder = GuichetStack.builder().logDir(logs)
                .with(Service.TOKEN, Service.TRACE, Service.INSEE, Service.GATEWAY);
        for (Service s : List.of(Service.TOKEN, Service.TRACE)) {
            resetSchema(s.database());
            builder.property(s, "quarkus.datasource.jdbc.url",
                            "jdbc:postgresql://" + GuichetStack.PG + "/" + s.database() + "?currentSchema=" + SCHEMA)
                    .property(s, "quarkus.datasource.reactive.url",
                            "postgresql://" + GuichetStack.PG + "/" + s.database() + "?search_path=" + SCHEMA)
                    .property(s, "quarkus.flyway.schemas", SCHEMA)
                    .property(s, "quarkus.flyway.default-schema", SCHEMA);
        }
        stack = builder.property(Service.GATEWAY, "guichet.gateway.journal.dir", journal.toString()).start();
    }

    @AfterAll
    static void stopSuite() {
        if (stack != null) {
            stack.close();
        }
    }

    static Connection connect(String database) throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + GuichetStack.PG + "/" + database,
                GuichetStack.DB_USER, GuichetStack.DB_PASSWORD);
    }

    static void resetSchema(String database) throws java.sql.SQLException {
        try (Connection c = connect(database); var st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
            st.execute("create schema " + SCHEMA);
        }
    }

    static boolean stored(String requestId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + GuichetStack.PG + "/"
                + Service.TRACE.database() + "?currentSchema=" + SCHEMA, GuichetStack.DB_USER, GuichetStack.DB_PASSWORD);
                PreparedStatement st = c.prepareStatement("select count(*) from trace_event where request_id = ?")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    @Test
    void aRefusedEventIsDeadLetteredAndTheNextCallsAreStillShipped() throws Exception {
        IssuedToken token = stack.issueToken(List.of("unites_legales_etablissements_insee"), 5000);
        Response r = given().baseUri(stack.url(Service.GATEWAY))
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

        String metrics = given().baseUri(stack.url(Service.GATEWAY)).get("/q/metrics").asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("guichet_gateway_traces_dead_lettered_total")
                && l.endsWith(" 1.0")), "dead-letter metric counts one event");
    }
}
