package fr.guichet.trace.ingestion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.SessionTokens;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestionResourceTest {

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource db;

    private List<TraceEvent> batch(String jti, int n) {
        List<TraceEvent> events = new ArrayList<>();
        Instant now = Instant.now().minus(1, ChronoUnit.MINUTES);
        for (int i = 0; i < n; i++) {
            events.add(TestEvents.apiCall(jti, "13002526500013", "418166096", i % 5 == 0 ? 404 : 200, now.plusMillis(i)));
        }
        return events;
    }

    @Test
    void reSendingTheSameBatchTenTimesStoresItOnce() throws Exception {
        String jti = UUID.randomUUID().toString();
        String body = json.writeValueAsString(batch(jti, 25));
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json").body(body)
                .when().post("/traces")
                .then().statusCode(200).body("accepted", equalTo(25)).body("duplicates", equalTo(0));
        long batches = Db.count(db, "select count(*) from trace_batch");
        for (int i = 0; i < 10; i++) {
            given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json").body(body)
                    .when().post("/traces")
                    .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(25));
        }
        assertEquals(25, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
        assertEquals(batches, Db.count(db, "select count(*) from trace_batch"), "a duplicate batch adds no chain link");
        assertEquals(25, Db.count(db, "select coalesce(sum(count), 0) from trace_stats_daily where token_jti = ?", jti),
                "the rollup counts each event once");
    }

    @Test
    void concurrentReSendsStoreEachEventOnceAndKeepTheChainIntact() throws Exception {
        String jti = UUID.randomUUID().toString();
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            bodies.add(json.writeValueAsString(batch(jti, 50)));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String body : bodies) {
                    results.add(pool.submit(() -> given().header("Authorization", TestEvents.GATEWAY_AUTH)
                            .contentType("application/json").body(body).post("/traces")
                            .then().statusCode(200).extract().path("accepted")));
                }
            }
            int accepted = 0;
            for (var r : results) {
                accepted += r.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertEquals(200, accepted, "every event accepted exactly once over all the re-sends");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
        assertEquals(200, Db.count(db, "select coalesce(sum(count), 0) from trace_stats_daily where token_jti = ?", jti));
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .queryParam("from", month + "-01").queryParam("to", Instant.now().toString())
                .get("/admin/traces/verify")
                .then().statusCode(200).body("ok", equalTo(true)).body("problem_count", equalTo(0));
    }

    @Test
    void acceptsNdjsonFromTokenService() throws Exception {
        String jti = UUID.randomUUID().toString();
        Instant at = Instant.now().minusSeconds(60);
        List<TraceEvent> events = List.of(TestEvents.adminAction(jti, "13002526500013", at),
                TestEvents.adminAction(jti, "13002526500013", at.plusMillis(1)),
                TestEvents.adminAction(jti, "13002526500013", at.plusMillis(2)));
        String body = events.stream().map(e -> {
            try {
                return json.writeValueAsString(e);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).collect(Collectors.joining("\n", "", "\n"));
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH).contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/traces")
                .then().statusCode(200).body("accepted", equalTo(3)).body("duplicates", equalTo(0));
        assertEquals(3, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
        assertEquals(1, Db.count(db, "select count(*) from trace_batch b where b.client = 'token-service' "
                + "and exists (select 1 from trace_event e where e.batch_id = b.id and e.token_jti = ?)", jti));
    }

    @Test
    void ndjsonLinesAreReadOneByOneWhateverTheirEndingsAndABadLineRefusesOnlyItsEvent() throws Exception {
        String jti = UUID.randomUUID().toString();
        List<TraceEvent> good = batch(jti, 3);
        // LF, CR LF and a lone CR end lines (as BufferedReader.readLine reads them); blank lines are no events.
        String body = json.writeValueAsString(good.get(0)) + "\r\n"
                + "\n  \t\n"
                + "{not json\n"
                + "[1, 2]\n"
                + "null\r"
                + "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"api_call\",\"status\":\"beaucoup\"}\n"
                + json.writeValueAsString(good.get(1)) + "\r"
                + "  " + json.writeValueAsString(good.get(2));
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/traces")
                .then().statusCode(422)
                .body("accepted", equalTo(3))
                .body("errors.meta.index", equalTo(List.of(1, 2, 3, 4)))
                .body("errors[0].detail", equalTo("L'événement n'est pas un objet JSON"))
                .body("errors[1].detail", equalTo("L'événement n'est pas un objet JSON"))
                .body("errors[2].detail", equalTo("L'événement n'est pas un objet JSON"))
                .body("errors[3].detail", org.hamcrest.Matchers.startsWith("L'événement est mal formé : "));
        assertEquals(3, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
    }

    /**
     * An event that does not bind is refused in French, naming its field (detail and
     * source.pointer), never with Jackson's English message and Guichet's class names; a body that
     * is no JSON says where its syntax breaks.
     */
    @Test
    void aMistypedFieldIsNamedInFrenchWithoutJacksonsMessage() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"kind\":\"api_call\",\"status\":\"beaucoup\"}\n"
                + "{\"id\":\"" + id + "\",\"kind\":\"autre\",\"status\":200}\n"
                + "{\"id\":\"" + id + "\",\"kind\":\"api_call\",\"timestamp\":\"hier\",\"status\":200}\n"
                + "{\"id\":\"" + id + "\",\"kind\":\"api_call\",\"parameters\":{\"siren\":{\"a\":1}},\"status\":200}\n";
        String answer = given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/traces")
                .then().statusCode(422)
                .body("accepted", equalTo(0))
                .body("errors.detail", equalTo(List.of(
                        "L'événement est mal formé : le champ « status » n'a pas une valeur admise (attendu : un nombre entier)",
                        "L'événement est mal formé : le champ « kind » n'a pas une valeur admise "
                                + "(attendu : l'une des valeurs « api_call », « admin_action »)",
                        "L'événement est mal formé : le champ « timestamp » n'a pas une valeur admise "
                                + "(attendu : un horodatage ISO-8601 (2026-01-31T12:00:00Z))",
                        "L'événement est mal formé : le champ « parameters.siren » doit être une chaîne de caractères")))
                .body("errors.source.pointer", equalTo(List.of("/0/status", "/1/kind", "/2/timestamp", "/3/parameters/siren")))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(
                java.util.regex.Pattern.compile("class |fr\\.guichet|java\\.|Cannot |deserializ|`").matcher(answer).find(), answer);

        // The same events in a JSON array are read the other way (a tree, then bound): same refusals.
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json")
                .body("[" + String.join(",", body.strip().split("\n")) + "]")
                .when().post("/traces")
                .then().statusCode(422)
                .body("errors.source.pointer", equalTo(List.of("/0/status", "/1/kind", "/2/timestamp", "/3/parameters/siren")))
                .body("errors[0].detail", equalTo("L'événement est mal formé : le champ « status » n'a pas une valeur admise (attendu : un nombre entier)"));

        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json")
                .body("[\n{\"id\": \"" + id + "\",\n \"status\": }\n]")
                .when().post("/traces")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("00261"))
                .body("errors[0].detail", equalTo("Le corps n'est pas un JSON valide : erreur de syntaxe à la ligne 3, colonne 12"));
    }

    @Test
    void nothingAfterAnEventOnItsLineIsDroppedUnreadAndNoLineIsBoundTwice() throws Exception {
        String jti = UUID.randomUUID().toString();
        List<TraceEvent> events = batch(jti, 4);
        String[] lines = new String[4];
        for (int i = 0; i < 4; i++) {
            lines[i] = json.writeValueAsString(events.get(i));
        }
        // Two events on one line, an event then text, an event with invalid UTF-8 inside a string
        // (the JSON-array form answers 400 for those bytes), lines of Unicode white space only.
        byte[] invalidUtf8 = lines[3].replace("\"curl/8.0\"", "\"curl\u0001/8.0\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < invalidUtf8.length; i++) {
            if (invalidUtf8[i] == 0x01) {
                invalidUtf8[i] = (byte) 0xFF;
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes((lines[0] + "\n" + lines[1] + " " + lines[2] + "\n" + lines[2] + " suite\n"
                + "\u2003\u3000\n\u001f\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(invalidUtf8);
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("Application/X-NDJSON; charset=utf-8")
                .body(body.toByteArray())
                .when().post("/traces")
                .then().statusCode(422)
                .body("accepted", equalTo(1))
                .body("errors.meta.index", equalTo(List.of(1, 2, 3)))
                .body("errors.detail", equalTo(java.util.Collections.nCopies(3, "L'événement n'est pas un objet JSON")));
        assertEquals(1, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json")
                .body("[" + lines[1] + "][" + lines[2] + "]")
                .when().post("/traces")
                .then().statusCode(400).body("errors[0].code", equalTo("00261"));
        assertEquals(1, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
    }

    @Test
    void aRowReadsBackAsSentWhateverItsCharactersAndTheChainVerifies() throws Exception {
        String jti = UUID.randomUUID().toString();
        TraceEvent plain = TestEvents.apiCall(jti, "13002526500013", "418166096", 200, Instant.now().minusSeconds(60));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("context", "Contrôle \"marché\" \\ n°1\tà l'été \uD83D\uDE00");
        params.put("object", "ligne 1\nligne 2");
        TraceEvent odd = new TraceEvent(plain.id(), plain.timestamp(), plain.kind(), plain.requestId(), jti, null,
                plain.partnerSiret(), plain.apiKind(), plain.method(), plain.operationId(), plain.path(), params,
                plain.clientIp(), "agent\\x\ty\r\nz é", 200, null, plain.provider(), null, null, null,
                "raison\\N \u00e9t\u00e9");
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json")
                .body(json.writeValueAsString(List.of(odd)))
                .when().post("/traces")
                .then().statusCode(200).body("accepted", equalTo(1));
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, ts, user_agent, reason, parameters::text, "
                     + "latency_ms, habilitation_id, status, siren from trace_event where token_jti = ?")) {
            ps.setString(1, jti);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(odd.id(), rs.getObject(1, UUID.class));
                assertEquals(odd.timestamp(), rs.getObject(2, OffsetDateTime.class).toInstant());
                assertEquals(odd.userAgent(), rs.getString(3));
                assertEquals(odd.reason(), rs.getString(4));
                assertEquals(params, json.readValue(rs.getString(5),
                        new TypeReference<Map<String, String>>() { }));
                assertNull(rs.getObject(6), "latency_ms");
                assertNull(rs.getObject(7), "habilitation_id");
                assertEquals(200, rs.getInt(8));
                assertEquals("418166096", rs.getString(9));
            }
        }
        String month = YearMonth.from(odd.timestamp().atZone(ZoneOffset.UTC)).toString();
        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .queryParam("from", month + "-01").queryParam("to", Instant.now().toString())
                .get("/admin/traces/verify")
                .then().statusCode(200).body("ok", equalTo(true)).body("problem_count", equalTo(0));
    }

    @Test
    void aBatchOverTheLimitIsRefusedWholeBeforeAnyEventIsRead() {
        String tooMany = "{}\n".repeat(10_001);
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/x-ndjson")
                .body(tooMany.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/traces")
                .then().statusCode(422).body("errors[0].code", equalTo("00262"))
                .body("errors[0].detail", equalTo("Le lot contient 10001 événements ; au plus 10000 par requête"));
        String tooManyInAnArray = "[" + "{},".repeat(10_000) + "{}]";
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json")
                .body(tooManyInAnArray.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/traces")
                .then().statusCode(422).body("errors[0].code", equalTo("00262"))
                .body("errors[0].detail", equalTo("Le lot contient 10001 événements ; au plus 10000 par requête"));
    }

    @Test
    void badEventsAreRefusedOneByOneAndTheGoodOnesAreStored() throws Exception {
        String jti = UUID.randomUUID().toString();
        List<TraceEvent> good = batch(jti, 2);
        TraceEvent future = TestEvents.apiCall(jti, "13002526500013", "418166096", 200,
                Instant.now().plus(3, ChronoUnit.DAYS));
        String body = "[" + json.writeValueAsString(good.get(0)) + ","
                + "{\"id\":\"not-a-uuid\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"kind\":\"api_call\",\"status\":200},"
                + json.writeValueAsString(future) + ","
                + "{\"id\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"" + Instant.now() + "\",\"kind\":\"api_call\","
                + "\"method\":\"GET\",\"path\":\"/v3/x\",\"status\":42},"
                + json.writeValueAsString(good.get(1)) + "]";
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json").body(body)
                .when().post("/traces")
                .then().statusCode(422)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(0))
                .body("errors", hasSize(3))
                .body("errors.meta.index", equalTo(List.of(1, 2, 3)))
                .body("errors.code", hasItem("00260"))
                .body("errors[1].source.pointer", equalTo("/2/timestamp"))
                .body("errors[2].detail", equalTo("Le statut HTTP (status) doit être compris entre 100 et 599"));
        assertEquals(2, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
    }

    @Test
    void anUnreadableBodyIsA400WithAnApiEntrepriseError() {
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json").body("[{\"id\": ")
                .when().post("/traces")
                .then().statusCode(400).body("errors[0].code", equalTo("00261"));
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json").body("{\"id\": 1}")
                .when().post("/traces")
                .then().statusCode(400).body("errors[0].detail", equalTo("Un tableau JSON d'événements est attendu"));
    }

    @Test
    void onlyTheWritingServicesMayIngest() {
        given().contentType("application/json").body("[]").when().post("/traces")
                .then().statusCode(401).body("errors[0].code", equalTo("00101"));
        given().header("Authorization", TestEvents.basic("gateway", "wrong")).contentType("application/json").body("[]")
                .when().post("/traces")
                .then().statusCode(401).body("errors[0].code", equalTo("00101"));
        given().header("Authorization", TestEvents.basic("intruder", "test-gateway-trace-secret"))
                .contentType("application/json").body("[]")
                .when().post("/traces")
                .then().statusCode(401);
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin())).contentType("application/json")
                .body("[]").when().post("/traces")
                .then().statusCode(403).body("errors[0].code", equalTo("00100"));
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json").body("[]")
                .when().post("/traces")
                .then().statusCode(200).body("accepted", equalTo(0));
    }

    @Test
    void readinessChecksPostgresqlAndThePartitionsAhead() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.name", hasItem("trace partitions"));
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int i = 0; i <= 3; i++) {
            YearMonth m = now.plusMonths(i);
            assertEquals(1, Db.count(db, "select count(*) from pg_class where relname = ?",
                    String.format("trace_event_%04d_%02d", m.getYear(), m.getMonthValue())), "partition of " + m);
        }
    }

    @Test
    void servesOpenApiAndIngestionMetrics() throws Exception {
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json")
                .body(json.writeValueAsString(batch(UUID.randomUUID().toString(), 1))).post("/traces")
                .then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/traces"))
                .body(org.hamcrest.Matchers.containsString("/admin/traces/verify"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("guichet_trace_ingested_total{outcome=\"accepted\"}"));
    }
}
