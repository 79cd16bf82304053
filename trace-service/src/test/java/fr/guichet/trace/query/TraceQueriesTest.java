package fr.guichet.trace.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.ingestion.service.IngestionService;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.SessionTokens;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TraceQueriesTest {

    static final String ORG_A = "13002526500013";
    /** Organisation B is new for every test, so that searches by organisation see only this test's rows. */
    String orgB = luhnSiret();

    @Inject
    IngestionService ingestion;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource db;

    String tokenA;
    String tokenB;
    Instant day1;
    Instant day2;

    @BeforeEach
    void traces() {
        tokenA = UUID.randomUUID().toString();
        tokenB = UUID.randomUUID().toString();
        day2 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        day1 = day2.minus(1, ChronoUnit.DAYS);
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(TestEvents.apiCall(tokenA, ORG_A, "entreprise", "unites_legales_insee", "418166096", 200, day1.plusSeconds(i)));
        }
        for (int i = 0; i < 3; i++) {
            events.add(TestEvents.apiCall(tokenA, ORG_A, "entreprise", "unites_legales_insee", "418166096", 404, day2.plusSeconds(i)));
            events.add(TestEvents.apiCall(tokenA, ORG_A, "entreprise", "attestations_fiscales_dgfip", "552032534", 200, day2.plusSeconds(10 + i)));
        }
        events.add(TestEvents.apiCall(tokenB, orgB, "entreprise", "unites_legales_insee", "418166096", 200, day2));
        ingestion.store(events, "gateway");
        // token-service's admin action on token A: in the log, not in the partner's requests or statistics
        Instant at = day2.plusSeconds(30);
        ingestion.store(List.of(new TraceEvent(fr.guichet.common.trace.UuidV7.at(at.toEpochMilli()), at,
                TraceEvent.Kind.ADMIN_ACTION, null, tokenA, "hab", ORG_A, "entreprise", null, "admin.prolong",
                "/tokens/" + tokenA, null, null, null, 200, null, null, null, "admin@guichet.test", "prolong",
                "Prolongation")), "token-service");
    }

    static String luhnSiret() {
        String base = "1" + String.format("%012d", (long) (Math.random() * 1e12));
        for (int check = 0; check < 10; check++) {
            String candidate = base + check;
            if (fr.guichet.common.identifier.Siret.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void aPartnerReadsItsOwnTokensOnlyAndGets404ForAnotherOrganisation() {
        given().header("Authorization", SessionTokens.bearer(SessionTokens.partner(ORG_A)))
                .get("/tokens/{jti}/requests", tokenA)
                .then().statusCode(200).body("data", hasSize(12));
        given().header("Authorization", SessionTokens.bearer(SessionTokens.partner(ORG_A)))
                .get("/tokens/{jti}/requests", tokenB)
                .then().statusCode(404).body("errors[0].code", equalTo("00263"));
        given().header("Authorization", SessionTokens.bearer(SessionTokens.partner(ORG_A)))
                .get("/tokens/{jti}/stats", tokenB)
                .then().statusCode(404);
        given().header("Authorization", SessionTokens.bearer(SessionTokens.partner(orgB)))
                .get("/tokens/{jti}/stats", tokenA)
                .then().statusCode(404);
        // the gateway writes traces; it does not read them
        given().header("Authorization", TestEvents.GATEWAY_AUTH).get("/tokens/{jti}/requests", tokenA)
                .then().statusCode(403);
    }

    @Test
    void lastRequestsAreNewestFirstWithFilters() {
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH)
                .queryParam("limit", 4)
                .get("/tokens/{jti}/requests", tokenA)
                .then().statusCode(200)
                .body("data", hasSize(4))
                .body("data[0].timestamp", equalTo(day2.plusSeconds(12).toString()))
                .body("data[0].operation_id", equalTo("attestations_fiscales_dgfip"))
                .body("data[0].parameters.recipient", equalTo("13002526500013"));
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH)
                .queryParam("status", 404).queryParam("operation", "unites_legales_insee")
                .get("/tokens/{jti}/requests", tokenA)
                .then().statusCode(200).body("data", hasSize(3)).body("data.status", everyItem(equalTo(404)));
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH)
                .queryParam("from", day1.toString()).queryParam("to", day1.plusSeconds(3).toString())
                .get("/tokens/{jti}/requests", tokenA)
                .then().statusCode(200).body("data", hasSize(3));
        // the contract's empty parameters mean "no filter"
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH)
                .get("/tokens/{jti}/requests?limit=50&status=&operation=&from=&to=", tokenA)
                .then().statusCode(200).body("data", hasSize(12));
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH).queryParam("status", "abc")
                .get("/tokens/{jti}/requests", tokenA)
                .then().statusCode(422).body("errors[0].source.parameter", equalTo("status"));
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH).queryParam("limit", 0)
                .get("/tokens/{jti}/requests", tokenA)
                .then().statusCode(422).body("errors[0].source.parameter", equalTo("limit"));
    }

    @Test
    void statisticsComeFromTheRollupPerDayOperationAndStatus() {
        String d1 = LocalDate.ofInstant(day1, ZoneOffset.UTC).toString();
        String d2 = LocalDate.ofInstant(day2, ZoneOffset.UTC).toString();
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH)
                .queryParam("from", d1).queryParam("to", d2)
                .get("/tokens/{jti}/stats", tokenA)
                .then().statusCode(200)
                .body("data", hasSize(3))
                .body("data.day", contains(d1, d2, d2))
                .body("data.operation_id", contains("unites_legales_insee", "attestations_fiscales_dgfip", "unites_legales_insee"))
                .body("data.status", contains(200, 200, 404))
                .body("data.count", contains(6, 3, 3));
        // the rollup is maintained at ingestion: re-sending the same events does not count them twice
        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .queryParam("from", d2).queryParam("to", d2)
                .get("/tokens/{jti}/stats", tokenA)
                .then().statusCode(200).body("data.count", contains(3, 3));
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH)
                .get("/tokens/{jti}/stats?from=&to=", tokenA)
                .then().statusCode(200).body("data.count", contains(6, 3, 3));
    }

    @Test
    void auditorsSearchByOrganisationSirenAndRecipient() {
        String from = day1.toString();
        String to = day2.plus(1, ChronoUnit.DAYS).toString();
        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .queryParam("organisation", orgB).queryParam("from", from).queryParam("to", to)
                .get("/admin/traces")
                .then().statusCode(200).body("data", hasSize(1)).body("data[0].token_jti", equalTo(tokenB));
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin()))
                .queryParam("siren", "552032534").queryParam("token", tokenA).queryParam("from", from).queryParam("to", to)
                .get("/admin/traces")
                .then().statusCode(200).body("data", hasSize(3))
                .body("data.operation_id", everyItem(equalTo("attestations_fiscales_dgfip")));
        // pages of 5, newest first, chained by next_cursor: the 12 API calls of token A + its admin action
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 4; page++) {
            var spec = given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                    .queryParam("token", tokenA).queryParam("from", from).queryParam("to", to).queryParam("limit", 5);
            if (cursor != null) {
                spec.queryParam("before", cursor);
            }
            io.restassured.path.json.JsonPath p = spec.get("/admin/traces").then().statusCode(200).extract().jsonPath();
            seen.addAll(p.getList("data.id"));
            cursor = p.getString("meta.next_cursor");
            if (cursor == null) {
                break;
            }
        }
        assertEquals(13, seen.size());
        assertEquals(13, new HashSet<>(seen).size());
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin()))
                .queryParam("token", tokenA).queryParam("before", "hier")
                .get("/admin/traces")
                .then().statusCode(422).body("errors[0].source.parameter", equalTo("before"));
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin()))
                .queryParam("siren", "123456789")
                .get("/admin/traces")
                .then().statusCode(422).body("errors[0].source.parameter", equalTo("siren"));
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin()))
                .get("/admin/traces")
                .then().statusCode(422);
        given().header("Authorization", SessionTokens.bearer(SessionTokens.partner(ORG_A)))
                .queryParam("organisation", ORG_A).get("/admin/traces")
                .then().statusCode(403);
    }

    @Test
    void exportsStreamEveryRowAsNdjsonAndCsv() throws Exception {
        String jti = UUID.randomUUID().toString();
        Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(200, ChronoUnit.DAYS);
        int total = 12_000;
        for (int b = 0; b < total / 2000; b++) {
            List<TraceEvent> batch = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                batch.add(TestEvents.apiCall(jti, ORG_A, "entreprise", "unites_legales_insee", "418166096", 200,
                        base.plusMillis(b * 2000L + i)));
            }
            ingestion.store(batch, "gateway");
        }
        String from = base.toString();
        String to = base.plus(1, ChronoUnit.DAYS).toString();
        InputStream ndjson = given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .queryParam("format", "ndjson").queryParam("token", jti).queryParam("from", from).queryParam("to", to)
                .get("/admin/traces/export")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asInputStream();
        Set<String> ids = new HashSet<>();
        String previous = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode node = json.readTree(line);
                ids.add(node.get("id").asText());
                String ts = node.get("timestamp").asText();
                assertTrue(Instant.parse(ts).compareTo(previous.isEmpty() ? Instant.MIN : Instant.parse(previous)) >= 0);
                previous = ts;
            }
        }
        assertEquals(total, ids.size());

        InputStream csv = given().header("Authorization", SessionTokens.bearer(SessionTokens.admin()))
                .queryParam("format", "csv").queryParam("token", jti).queryParam("from", from).queryParam("to", to)
                .get("/admin/traces/export")
                .then().statusCode(200).contentType("text/csv").extract().asInputStream();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            assertTrue(r.readLine().startsWith("id,timestamp,kind,request_id,token_jti"));
            String first = r.readLine();
            assertTrue(first.contains(",api_call,") && first.contains(jti)
                    && first.contains("\"\"context\"\":\"\"Test de trace\"\""), first);
            long rows = 1 + r.lines().count();
            assertEquals(total, rows);
        }
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin())).queryParam("format", "xml")
                .get("/admin/traces/export").then().statusCode(422);
        // both exports are themselves on record, with their criteria
        assertEquals(2, Db.count(db, "select count(*) from trace_event where kind = 'ADMIN_ACTION' and action = 'trace_export'"
                + " and parameters->>'token' = ?", jti));
        assertEquals(1, Db.count(db, "select count(*) from trace_event where action = 'trace_export' and actor = "
                + "'auditor@guichet.test' and parameters->>'format' = 'ndjson' and parameters->>'token' = ?", jti));
        assertEquals(total, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
    }
}
