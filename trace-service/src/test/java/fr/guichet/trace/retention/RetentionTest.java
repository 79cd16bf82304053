package fr.guichet.trace.retention;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.ingestion.service.IngestionService;
import fr.guichet.trace.retention.service.RetentionReport;
import fr.guichet.trace.retention.service.RetentionService;
import fr.guichet.trace.store.PartitionManager;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.SessionTokens;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retention against the real database. Old events are stored through the ingestion service
 * directly: the HTTP endpoint rightly refuses events already beyond the retention period.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    IngestionService ingestion;

    @Inject
    RetentionService retention;

    @Inject
    AgroalDataSource db;

    @Test
    void dropsExactlyTheExpiredPartitionsErasesIdleParticulierTokensAndStillVerifies() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        // 36 months kept: the month 36 months back is the oldest one kept
        YearMonth expiredOld = now.minusMonths(38);
        YearMonth expired = now.minusMonths(37);
        YearMonth kept = now.minusMonths(36);
        YearMonth idleMonth = now.minusMonths(26);
        String entrepriseJti = UUID.randomUUID().toString();
        store(entrepriseJti, "entreprise", expiredOld, 5);
        store(entrepriseJti, "entreprise", expired, 7);
        store(entrepriseJti, "entreprise", kept, 4);

        String idleParticulier = UUID.randomUUID().toString();
        String activeParticulier = UUID.randomUUID().toString();
        String idleEntreprise = UUID.randomUUID().toString();
        store(idleParticulier, "particulier", idleMonth, 6);
        store(idleParticulier, "particulier", idleMonth.plusMonths(1), 3);
        store(activeParticulier, "particulier", idleMonth, 4);
        store(activeParticulier, "particulier", now.minusMonths(1), 2);
        store(idleEntreprise, "entreprise", idleMonth, 2);

        seal();
        // this test's months only: other tests tamper with months of their own
        String oldFrom = expiredOld.atDay(1).toString();
        String oldTo = kept.atEndOfMonth().toString();
        String idleFrom = idleMonth.atDay(1).toString();
        String idleTo = idleMonth.plusMonths(1).atEndOfMonth().toString();
        assertTrue(verify(oldFrom, oldTo).getBoolean("ok"));
        assertTrue(verify(idleFrom, idleTo).getBoolean("ok"));

        List<YearMonth> partitionsBefore = partitions();
        RetentionReport report = retention.run(Instant.now());

        assertEquals(List.of(expiredOld.toString(), expired.toString()), report.droppedPartitions());
        assertEquals(12, report.droppedRows());
        List<YearMonth> partitionsAfter = partitions();
        List<YearMonth> expectedAfter = new ArrayList<>(partitionsBefore);
        expectedAfter.removeAll(List.of(expiredOld, expired));
        assertEquals(expectedAfter, partitionsAfter, "only the partitions beyond the limit go");
        assertTrue(partitionsAfter.contains(kept));
        assertEquals(4, Db.count(db, "select count(*) from trace_event where token_jti = ?", entrepriseJti));

        assertEquals(List.of(idleParticulier), report.erasedTokens());
        assertEquals(9, report.erasedRows());
        assertEquals(0, Db.count(db, "select count(*) from trace_event where token_jti = ?", idleParticulier));
        assertEquals(0, Db.count(db, "select count(*) from trace_stats_daily where token_jti = ?", idleParticulier));
        assertEquals(6, Db.count(db, "select count(*) from trace_event where token_jti = ?", activeParticulier));
        assertEquals(2, Db.count(db, "select count(*) from trace_event where token_jti = ?", idleEntreprise),
                "idle erasure is for API Particulier tokens only");

        // purges are recorded (range, rows) and sealed
        assertEquals(2, Db.count(db, "select count(*) from trace_purge where kind = 'partition_drop' and row_count in (5, 7)"));
        assertEquals(1, Db.count(db, "select count(*) from trace_purge where kind = 'idle_token_erasure' and scope = ? "
                + "and row_count = 9 and range_from is not null", "token:" + idleParticulier));
        assertEquals(9, Db.count(db, "select count(*) from trace_erasure e join trace_purge p on p.id = e.purge_id "
                + "where p.scope = ?", "token:" + idleParticulier));

        JsonPath after = verify(oldFrom, oldTo);
        assertTrue(after.getBoolean("ok"), after.prettify());
        assertEquals(List.of(expiredOld.toString(), expired.toString()), after.getList("months_purged"));
        assertEquals(List.of(kept.toString()), after.getList("months_verified"));
        JsonPath afterErasure = verify(idleFrom, idleTo);
        assertTrue(afterErasure.getBoolean("ok"), afterErasure.prettify());
        assertEquals(9, afterErasure.getInt("events_erased"));

        // a row deleted without a purge is still caught next to the erased ones
        UUID victim = UUID.fromString(one("select id::text from trace_event where token_jti = ? order by ts limit 1",
                activeParticulier));
        Db.update(db, "delete from trace_event where id = ?", victim);
        JsonPath tampered = verify(idleFrom, idleTo);
        assertFalse(tampered.getBoolean("ok"));
        assertEquals(victim.toString(), tampered.getString("first_problem.event_id"));
        assertEquals("missing", tampered.getString("first_problem.type"));
    }

    @Test
    void aShorterRetentionForOneApiKindErasesOnlyThatKindAndStillVerifies() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth old = now.minusMonths(8);
        YearMonth recent = now.minusMonths(4);
        String shortLived = UUID.randomUUID().toString();
        String entreprise = UUID.randomUUID().toString();
        store(shortLived, "essai", old, 5);
        store(shortLived, "essai", recent, 2);
        store(entreprise, "entreprise", old, 3);
        seal();

        RetentionService.Policy policy = new RetentionService.Policy(36, java.util.Map.of("essai", 6), List.of(),
                java.time.Duration.ofDays(730));
        RetentionReport report = retention.run(Instant.now(), policy);

        assertEquals(List.of(), report.droppedPartitions());
        assertEquals(5, report.erasedRows());
        assertEquals(2, Db.count(db, "select count(*) from trace_event where token_jti = ?", shortLived));
        assertEquals(3, Db.count(db, "select count(*) from trace_event where token_jti = ?", entreprise));
        assertEquals(1, Db.count(db, "select count(*) from trace_purge where kind = 'api_kind_retention' "
                + "and scope = 'api_kind:essai' and row_count = 5"));
        JsonPath after = verify(old.atDay(1).toString(), old.atEndOfMonth().toString());
        assertTrue(after.getBoolean("ok"), after.prettify());
        assertEquals(5, after.getInt("events_erased"));
        // nothing left to erase: a second run records no empty purge
        assertEquals(0, retention.run(Instant.now(), policy).erasedRows());
    }

    private void store(String jti, String apiKind, YearMonth month, int n) {
        List<TraceEvent> events = new ArrayList<>();
        Instant base = month.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            events.add(TestEvents.apiCall(jti, "13002526500013", apiKind, "cnaf_quotient_familial", "418166096", 200,
                    base.plusSeconds(i * 60L)));
        }
        assertEquals(n, ingestion.store(events, "gateway").accepted());
    }

    private List<YearMonth> partitions() {
        try (var c = db.getConnection()) {
            return new PartitionManager(db, null).existing(c);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String one(String sql, String arg) {
        try (var c = db.getConnection(); var ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void seal() {
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin())).post("/admin/traces/seal")
                .then().statusCode(200);
    }

    private JsonPath verify(String from, String to) {
        return given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .queryParam("from", from).queryParam("to", to)
                .get("/admin/traces/verify").then().statusCode(200).extract().jsonPath();
    }
}
