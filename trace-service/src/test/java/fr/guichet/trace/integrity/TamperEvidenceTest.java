package fr.guichet.trace.integrity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.integrity.cli.VerifyCommand;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.SessionTokens;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tampering with the stored log by plain SQL, as someone with database access would, and finding it.
 * Uses months of its own (20 and 19 months ago) so that other tests' data stay out of the way.
 */
@QuarkusTest
class TamperEvidenceTest {

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource db;

    @Inject
    VerifyCommand command;

    @Test
    void verificationNamesADeletedAnAlteredAndAnInsertedRow() throws Exception {
        YearMonth first = YearMonth.now(ZoneOffset.UTC).minusMonths(20);
        String jti = UUID.randomUUID().toString();
        List<TraceEvent> events = new ArrayList<>();
        for (YearMonth m : List.of(first, first.plusMonths(1))) {
            Instant base = m.atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC);
            for (int batch = 0; batch < 3; batch++) {
                List<TraceEvent> b = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    b.add(TestEvents.apiCall(jti, "13002526500013", "418166096", 200, base.plusSeconds(batch * 3600L + i)));
                }
                post(b);
                events.addAll(b);
            }
        }
        String from = first.atDay(1).toString();
        String to = first.plusMonths(1).atEndOfMonth().toString();
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin())).post("/admin/traces/seal")
                .then().statusCode(200).body("seal_id", notNullValue());

        JsonPath clean = verify(from, to);
        assertTrue(clean.getBoolean("ok"), clean.prettify());
        assertEquals(60, clean.getInt("events_checked"));
        assertEquals(6, clean.getInt("batches_checked"));
        assertEquals(List.of(first.toString(), first.plusMonths(1).toString()), clean.getList("months_verified"));

        TraceEvent deleted = events.get(14);
        TraceEvent altered = events.get(37);
        assertEquals(1, Db.update(db, "delete from trace_event where id = ?", deleted.id()));
        assertEquals(1, Db.update(db, "update trace_event set status = 403 where id = ?", altered.id()));
        UUID inserted = UUID.randomUUID();
        assertEquals(1, Db.update(db, "insert into trace_event (id, ts, kind, token_jti, partner_siret, method, path, status,"
                + " batch_id) select ?, ts + interval '1 second', kind, token_jti, partner_siret, method, path, 200, batch_id"
                + " from trace_event where id = ?", inserted, events.get(50).id()));

        JsonPath report = verify(from, to);
        assertEquals(false, report.getBoolean("ok"));
        assertEquals(3, report.getInt("problem_count"), report.prettify());
        List<String> types = report.getList("problems.type");
        List<String> ids = report.getList("problems.event_id");
        assertEquals(List.of("missing", "altered", "inserted"), types);
        assertEquals(List.of(deleted.id().toString(), altered.id().toString(), inserted.toString()), ids);
        assertEquals("missing", report.getString("first_problem.type"));
        assertEquals(deleted.id().toString(), report.getString("first_problem.event_id"));

        // the command-line entry point reports the same and exits with 1
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(new String[] {"--from=" + from, "--to=" + to}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        JsonPath cli = JsonPath.from(out.toString(StandardCharsets.UTF_8));
        assertEquals(ids, cli.getList("problems.event_id"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(deleted.id().toString()));
    }

    @Test
    void verificationNamesARemovedBatchAndARewrittenChain() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(17);
        Instant base = month.atDay(5).atStartOfDay().toInstant(ZoneOffset.UTC);
        String jti = UUID.randomUUID().toString();
        for (int batch = 0; batch < 3; batch++) {
            post(List.of(TestEvents.apiCall(jti, "13002526500013", "418166096", 200, base.plusSeconds(batch)),
                    TestEvents.apiCall(jti, "13002526500013", "418166096", 200, base.plusSeconds(batch).plusMillis(5))));
        }
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin())).post("/admin/traces/seal")
                .then().statusCode(200);
        String day = month.atDay(5).toString();
        assertTrue(verify(day, day).getBoolean("ok"));
        // remove the middle batch and its rows: the chain has a hole
        Db.update(db, "delete from trace_event where batch_id = (select id from trace_batch where month = ? and seq = 2)",
                java.sql.Date.valueOf(month.atDay(1)));
        Db.update(db, "delete from trace_batch where month = ? and seq = 2", java.sql.Date.valueOf(month.atDay(1)));
        JsonPath report = verify(day, day);
        assertEquals(false, report.getBoolean("ok"));
        assertEquals("batch_missing", report.getString("first_problem.type"));
        assertEquals(2, report.getInt("first_problem.batch_seq"));

        // dropping the tail of the chain is caught by the signed seal
        Db.update(db, "delete from trace_event where batch_id = (select id from trace_batch where month = ? and seq = 3)",
                java.sql.Date.valueOf(month.atDay(1)));
        Db.update(db, "delete from trace_batch where month = ? and seq = 3", java.sql.Date.valueOf(month.atDay(1)));
        Db.update(db, "update trace_chain set head_seq = 1 where month = ?", java.sql.Date.valueOf(month.atDay(1)));
        JsonPath tail = verify(day, day);
        assertEquals(false, tail.getBoolean("ok"));
        List<String> types = tail.getList("problems.type");
        assertTrue(types.contains("seal_mismatch"), tail.prettify());
    }

    @Test
    void aChainWhoseBatchIdsRunOutOfSequenceOrderStillVerifies() throws Exception {
        // concurrent batches take their id before the chain lock: ids and sequence numbers may cross
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(15);
        Instant base = month.atDay(7).atStartOfDay().toInstant(ZoneOffset.UTC);
        String jti = UUID.randomUUID().toString();
        for (int batch = 0; batch < 2; batch++) {
            post(List.of(TestEvents.apiCall(jti, "13002526500013", "418166096", 200, base.plusSeconds(batch))));
        }
        java.sql.Date m = java.sql.Date.valueOf(month.atDay(1));
        long first = Db.count(db, "select id from trace_batch where month = ? and seq = 1", m);
        long moved = first + 1_000_000;
        Db.update(db, "update trace_batch set id = ? where id = ?", moved, first);
        Db.update(db, "update trace_event set batch_id = ? where batch_id = ?", moved, first);
        String day = month.atDay(7).toString();
        JsonPath report = verify(day, day);
        assertTrue(report.getBoolean("ok"), report.prettify());
        assertEquals(2, report.getInt("batches_checked"));
        assertEquals(2, report.getInt("events_checked"));
    }

    @Test
    void onlyAdminsAndAuditorsMayVerify() {
        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .queryParam("from", "2026-01-01").queryParam("to", "2026-01-02")
                .get("/admin/traces/verify").then().statusCode(200).body("ok", notNullValue());
        given().header("Authorization", SessionTokens.bearer(SessionTokens.partner("13002526500013")))
                .get("/admin/traces/verify").then().statusCode(403);
        given().header("Authorization", TestEvents.GATEWAY_AUTH).get("/admin/traces/verify").then().statusCode(403);
        given().get("/admin/traces/verify").then().statusCode(401);
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin())).queryParam("from", "hier")
                .get("/admin/traces/verify").then().statusCode(422)
                .body("errors[0].source.parameter", equalTo("from"))
                .body("errors.code", hasItems("00262"));
    }

    private void post(List<TraceEvent> batch) throws Exception {
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json")
                .body(json.writeValueAsString(batch)).post("/traces")
                .then().statusCode(200).body("accepted", equalTo(batch.size()));
    }

    private JsonPath verify(String from, String to) {
        return given().header("Authorization", SessionTokens.bearer(SessionTokens.admin()))
                .queryParam("from", from).queryParam("to", to)
                .get("/admin/traces/verify").then().statusCode(200).extract().jsonPath();
    }
}
