package fr.guichet.trace.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.ingestion.service.IngestionResult;
import fr.guichet.trace.ingestion.service.IngestionService;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rows are loaded with {@code COPY}, which has no {@code ON CONFLICT}: an event that another
 * transaction is storing while the batch is copied must end up a duplicate, not a failed batch nor a
 * second row.
 */
@QuarkusTest
class ConcurrentStoreTest {

    @Inject
    IngestionService ingestion;

    @Inject
    AgroalDataSource db;

    @Test
    void anEventStoredMeanwhileByAnotherTransactionIsCountedAsADuplicate() throws Exception {
        String jti = UUID.randomUUID().toString();
        Instant at = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(TestEvents.apiCall(jti, "13002526500013", "418166096", 200, at.plusMillis(i)));
        }
        TraceEvent contested = events.get(7);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("""
                    insert into trace_event (id, ts, kind, token_jti, status, batch_id)
                    values (?, ?, 'API_CALL', ?, 200, 0)""")) {
                ps.setObject(1, contested.id());
                ps.setTimestamp(2, Timestamp.from(contested.timestamp()));
                ps.setString(3, jti);
                ps.executeUpdate();
            }
            // the other transaction's row is not committed yet: the COPY runs into it and waits
            Future<IngestionResult> stored = pool.submit(() -> ingestion.store(events, "gateway"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean waiting = false;
            while (!waiting && System.nanoTime() < deadline && !stored.isDone()) {
                waiting = Db.count(db, """
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                          and query ilike '%copy trace_event%'""") > 0;
                Thread.sleep(50);
            }
            assertTrue(waiting, "the batch's COPY waits for the transaction holding one of its events");
            other.commit();

            IngestionResult result = stored.get(60, TimeUnit.SECONDS);
            assertEquals(19, result.accepted());
            assertEquals(1, result.duplicates());
            assertEquals(20, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti),
                    "one row per event, the contested one stored once");
            assertEquals(19, Db.count(db, "select coalesce(sum(count), 0) from trace_stats_daily where token_jti = ?", jti),
                    "the rollup counts the events this batch stored");
            assertEquals(19, Db.count(db, """
                    select coalesce(sum(b.event_count), 0) from trace_batch b
                    where b.id in (select batch_id from trace_event where token_jti = ? and batch_id <> 0)""", jti),
                    "the batch's chain link lists the 19 events it stored");
        } finally {
            pool.shutdownNow();
            // the row of the other transaction belongs to no batch: verification elsewhere would report it
            Db.update(db, "delete from trace_event where id = ?", contested.id());
        }
    }
}
