package fr.guichet.trace.integrity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.integrity.service.IntegrityMonitor;
import fr.guichet.trace.integrity.service.IntegrityMonitor.Outcome;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.SessionTokens;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scheduled verification of the whole retained log, triggered directly: its meters on
 * {@code /q/metrics}, its ERROR line on anomalies, and that it never overlaps another run.
 * Runs on a freshly cleaned database (a profile of its own restarts the application, whose
 * Flyway cleans at start), since it verifies every month and other tests tamper with theirs.
 */
@QuarkusTest
@TestProfile(IntegrityMonitorTest.FreshLog.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityMonitorTest {

    /** Same configuration as the other tests, under another name: a fresh start, a clean schema. */
    public static class FreshLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.trace.integrity.schedule", "off");
        }
    }

    private static final String SIRET = "13002526500013";

    @Inject
    IntegrityMonitor monitor;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @Test
    @Order(1)
    void aTamperedRowTurnsTheGaugesAndLogsItAtError() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(4);
        Instant base = month.atDay(7).atStartOfDay().toInstant(ZoneOffset.UTC);
        String jti = UUID.randomUUID().toString();
        List<TraceEvent> events = new ArrayList<>();
        for (int batch = 0; batch < 2; batch++) {
            List<TraceEvent> b = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                b.add(TestEvents.apiCall(jti, SIRET, "418166096", 200, base.plusSeconds(batch * 60L + i)));
            }
            given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json")
                    .body(json.writeValueAsString(b)).post("/traces").then().statusCode(200).body("accepted", equalTo(5));
            events.addAll(b);
        }
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin())).post("/admin/traces/seal")
                .then().statusCode(200);

        String metrics = metrics();
        // HELP on every meter (a counter's family is named without _total), and no outcome before the first run
        for (String name : List.of("guichet_trace_integrity_ok", "guichet_trace_integrity_anomalies",
                "guichet_trace_integrity_last_run_seconds", "guichet_trace_integrity_failures")) {
            assertTrue(Pattern.compile("(?m)^# HELP " + name + " \\S").matcher(metrics).find(), name + " has no HELP:\n" + metrics);
        }
        assertEquals(Double.NaN, value(metrics, "guichet_trace_integrity_ok"));

        try (Captured log = new Captured()) {
            long before = Instant.now().getEpochSecond();
            assertEquals(Outcome.INTACT, monitor.runNow());
            metrics = metrics();
            assertEquals(1.0, value(metrics, "guichet_trace_integrity_ok"));
            assertEquals(0.0, value(metrics, "guichet_trace_integrity_anomalies"));
            double lastRun = value(metrics, "guichet_trace_integrity_last_run_seconds");
            assertTrue(lastRun >= before && lastRun <= Instant.now().getEpochSecond() + 1, "last run " + lastRun);
            assertEquals(0.0, value(metrics, "guichet_trace_integrity_failures_total"));
            assertTrue(log.errors().isEmpty(), log.errors()::toString);
        }

        TraceEvent altered = events.get(7);
        assertEquals(1, Db.update(db, "update trace_event set status = 500 where id = ?", altered.id()));
        try (Captured log = new Captured()) {
            assertEquals(Outcome.ANOMALIES, monitor.runNow());
            metrics = metrics();
            assertEquals(0.0, value(metrics, "guichet_trace_integrity_ok"));
            assertEquals(1.0, value(metrics, "guichet_trace_integrity_anomalies"));
            List<String> errors = log.errors();
            assertEquals(1, errors.size(), errors::toString);
            String line = errors.get(0);
            assertTrue(line.contains("1 anomalies"), line);
            assertTrue(line.contains("altered month=" + month + " batch=2 event=" + altered.id()), line);
            // names the finding, never the content of the trace
            assertFalse(line.contains(SIRET) || line.contains("418166096") || line.contains(jti), line);
        }
    }

    @Test
    @Order(2)
    void aRunSkipsWhileAnotherHoldsTheRunLock() throws Exception {
        double failuresBefore = value(metrics(), "guichet_trace_integrity_failures_total");
        String lastRunBefore = line(metrics(), "guichet_trace_integrity_last_run_seconds");
        // another replica's run: the same session advisory lock, held on another connection
        try (Connection other = db.getConnection()) {
            long key;
            try (PreparedStatement ps = other.prepareStatement("select pg_try_advisory_lock(?)")) {
                key = 0x7472616365L + 2;
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertTrue(rs.getBoolean(1));
                }
            }
            assertEquals(Outcome.SKIPPED, monitor.runNow());
            try (PreparedStatement ps = other.prepareStatement("select pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
        }
        String metrics = metrics();
        assertEquals(lastRunBefore, line(metrics, "guichet_trace_integrity_last_run_seconds"));
        assertEquals(failuresBefore, value(metrics, "guichet_trace_integrity_failures_total"));
        // the lock is given back with its connection: the next run runs
        assertTrue(monitor.runNow() != Outcome.SKIPPED);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String line(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertTrue(m.find(), name + " missing:\n" + metrics);
        return m.group(0);
    }

    private static double value(String metrics, String name) {
        String v = line(metrics, name).replaceAll("^.* ", "");
        return v.equals("NaN") ? Double.NaN : Double.parseDouble(v);
    }

    /** ERROR records of the monitor's logger while open. */
    private static final class Captured extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(IntegrityMonitor.class.getName());
        private final List<String> errors = new CopyOnWriteArrayList<>();

        Captured() {
            logger.addHandler(this);
        }

        List<String> errors() {
            return errors;
        }

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
