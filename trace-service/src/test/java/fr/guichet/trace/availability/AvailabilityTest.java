package fr.guichet.trace.availability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import fr.guichet.trace.availability.client.GatewayPings.State;
import fr.guichet.trace.availability.config.AvailabilityConfig;
import fr.guichet.trace.availability.service.AvailabilityQueries;
import fr.guichet.trace.availability.service.AvailabilityRecorder;
import fr.guichet.trace.availability.service.AvailabilityReport;
import fr.guichet.trace.availability.service.AvailabilityStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The availability record against the real database, the gateway's {@code /pings} stood in by an
 * HTTP server of the test (its answer is what the test sets). Provider keys are unique per test:
 * the report lists every provider of the shared table.
 */
@QuarkusTest
class AvailabilityTest {

    @Inject
    AvailabilityRecorder recorder;

    @Inject
    AvailabilityStore store;

    @Inject
    AvailabilityQueries queries;

    @Inject
    AvailabilityConfig config;

    /** The test log file (application.properties, test profile). */
    private static final Path LOG = Path.of("target", "trace-service-test.log");

    private HttpServer gateway;
    private volatile String pings = "{}";
    private volatile int pingsStatus = 200;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/pings", exchange -> {
            byte[] body = pings.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(pingsStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    private static String key() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void eachMinuteCountsEveryProviderByItsStateAndTheRouteServesIt() {
        String up = key();
        String down = key();
        String maintenance = key();
        pingsStatus = 502; // the gateway answers 502 as soon as one provider is not ok, with the pings all the same
        pings = "{\"%s\": {\"status\": \"ok\"}, \"%s\": {\"status\": \"bad_gateway\"}, \"%s\": {\"status\": \"maintenance\"}}"
                .formatted(up, down, maintenance);
        // two minutes well inside today (Paris), whatever the hour the test runs
        Instant first = LocalDate.now(AvailabilityStore.PARIS).atTime(LocalTime.MIDNIGHT).atZone(AvailabilityStore.PARIS)
                .toInstant().plus(Instant.now().atZone(AvailabilityStore.PARIS).toLocalTime().toSecondOfDay() / 2, ChronoUnit.SECONDS);
        assertEquals(3, recorder.record(gatewayUrl(), first));
        assertEquals(3, recorder.record(gatewayUrl(), first.plus(1, ChronoUnit.MINUTES)));

        JsonPath body = given().get("/public/availability?days=3").then().statusCode(200).extract().jsonPath();
        String today = LocalDate.now(AvailabilityStore.PARIS).toString();
        String day = "data.find { it.provider == '%s' }.days.find { it.date == '" + today + "' }";
        assertEquals(3, body.getList("data.find { it.provider == '%s' }.days".formatted(up)).size());
        assertEquals(2, body.getInt(day.formatted(up) + ".up_minutes"));
        assertEquals(1.0f, body.getFloat(day.formatted(up) + ".availability"));
        assertEquals(2, body.getInt(day.formatted(down) + ".down_minutes"));
        assertEquals(0.0f, body.getFloat(day.formatted(down) + ".availability"));
        assertEquals(2, body.getInt(day.formatted(maintenance) + ".maintenance_minutes"));
        // maintenance is not unavailability
        assertEquals(1.0f, body.getFloat(day.formatted(maintenance) + ".availability"));
        // two days ago was not observed: null, not a missing field
        Map<String, Object> unobserved = body.getMap("data.find { it.provider == '%s' }.days[0]".formatted(up));
        assertTrue(unobserved.containsKey("availability") && unobserved.get("availability") == null, unobserved.toString());
    }

    @Test
    void twoReplicasRecordingTheSameMinuteCountItOnce() throws Exception {
        String provider = key();
        pings = "{\"%s\": {\"status\": \"ok\"}}".formatted(provider);
        AvailabilityRecorder other = new AvailabilityRecorder(store, config);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> readings = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                AvailabilityRecorder r = i % 2 == 0 ? recorder : other;
                // the same minute, read at different seconds of it
                Instant at = minute.plusSeconds(i * 10L);
                readings.add(() -> r.record(gatewayUrl(), at));
            }
            int counted = 0;
            for (Future<Integer> f : pool.invokeAll(readings)) {
                counted += f.get();
            }
            assertEquals(1, counted);
        } finally {
            pool.shutdownNow();
        }
        LocalDate day = LocalDate.ofInstant(minute, AvailabilityStore.PARIS);
        assertEquals(1, dayOf(queries.report(1, day), provider).upMinutes());
        // an older minute arriving late (a slow replica) is not counted either
        assertEquals(0, recorder.record(gatewayUrl(), minute.minus(1, ChronoUnit.MINUTES)));
        assertEquals(1, dayOf(queries.report(1, day), provider).upMinutes());
    }

    @Test
    void theMonthPercentageCountsTheMonthOnlyAndNotMaintenance() {
        String provider = key();
        LocalDate today = LocalDate.of(2026, 3, 20);
        // the previous month, all down: not in March's percentage
        minutes(provider, LocalDate.of(2026, 2, 28), 0, State.DOWN, 50);
        // March: 1990 up, 10 down, 120 in maintenance → 99.5 %
        minutes(provider, LocalDate.of(2026, 3, 2), 0, State.UP, 990);
        minutes(provider, LocalDate.of(2026, 3, 2), 990, State.MAINTENANCE, 120);
        minutes(provider, LocalDate.of(2026, 3, 19), 0, State.UP, 1000);
        minutes(provider, LocalDate.of(2026, 3, 19), 1000, State.DOWN, 10);

        AvailabilityReport.Provider p = providerOf(queries.report(90, today), provider);
        assertEquals("2026-03", p.month().month());
        assertEquals(0.995, p.month().availability());
        assertEquals(90, p.days().size());
        assertEquals("2026-03-20", p.days().get(89).date());
        AvailabilityReport.Day march19 = p.days().get(88);
        assertEquals(0.9901, march19.availability());
        AvailabilityReport.Day march2 = p.days().stream().filter(d -> d.date().equals("2026-03-02")).findFirst().orElseThrow();
        assertEquals(120, march2.maintenanceMinutes());
        assertEquals(1.0, march2.availability());
        assertEquals(0.0, p.days().stream().filter(d -> d.date().equals("2026-02-28")).findFirst().orElseThrow().availability());
    }

    @Test
    void aDayWithoutObservationHasNoAvailability() {
        String provider = key();
        LocalDate today = LocalDate.of(2026, 5, 10);
        minutes(provider, today.minusDays(2), 0, State.UP, 3);

        AvailabilityReport.Provider p = providerOf(queries.report(5, today), provider);
        assertEquals(List.of("2026-05-06", "2026-05-07", "2026-05-08", "2026-05-09", "2026-05-10"),
                p.days().stream().map(AvailabilityReport.Day::date).toList());
        assertNull(p.days().get(3).availability());
        assertEquals(0, p.days().get(3).upMinutes());
        assertNull(p.days().get(0).availability());
        assertEquals(1.0, p.days().get(2).availability());
    }

    @Test
    void aGatewayThatDoesNotAnswerRecordsNothingAndIsLoggedOncePerOutage() throws IOException {
        // a reading that works first: whatever the tests before left, an outage starts below
        pings = "{\"%s\": {\"status\": \"ok\"}}".formatted(key());
        URI silent = gatewayUrl();
        assertEquals(1, recorder.record(silent, Instant.now()));
        gateway.stop(0);
        assertEquals(0, recorder.record(silent, Instant.now().plus(1, ChronoUnit.MINUTES)));
        assertEquals(0, recorder.record(silent, Instant.now().plus(2, ChronoUnit.MINUTES)));
        assertEquals(0, recorder.record(silent, Instant.now().plus(3, ChronoUnit.MINUTES)));
        String warning = "gateway pings unreadable at " + silent;
        assertEquals(1, Files.readAllLines(LOG).stream().filter(l -> l.contains("WARN") && l.contains(warning)).count(),
                "one WARN line for the whole outage");
    }

    @Test
    void anErrorBodyIsNotCountedAsPings() {
        pingsStatus = 500;
        pings = "{\"errors\": [{\"code\": \"00500\", \"title\": \"Erreur\"}]}";
        assertEquals(0, recorder.record(gatewayUrl(), Instant.now()));
    }

    @Test
    void daysBeyondTheRetentionAreDeleted() {
        String provider = key();
        LocalDate today = LocalDate.now(AvailabilityStore.PARIS);
        minutes(provider, today.minusDays(101), 0, State.UP, 1);
        minutes(provider, today.minusDays(99), 0, State.UP, 1);
        pings = "{\"%s\": {\"status\": \"ok\"}}".formatted(provider);
        recorder.record(gatewayUrl(), Instant.now());
        List<LocalDate> kept = store.between(today.minusDays(200), today).stream()
                .filter(r -> r.provider().equals(provider)).map(AvailabilityStore.Row::day).toList();
        assertEquals(List.of(today.minusDays(99), today), kept);
    }

    @Test
    void daysOutOfRangeAre422() {
        for (String days : List.of("0", "101", "abc")) {
            given().get("/public/availability?days=" + days).then().statusCode(422)
                    .body("errors[0].code", equalTo("00262"))
                    .body("errors[0].source.parameter", equalTo("days"));
        }
    }

    /** Counts {@code n} consecutive minutes of {@code state} on {@code day} from 00:00 + {@code offset} minutes. */
    private void minutes(String provider, LocalDate day, int offset, State state, int n) {
        Instant start = day.atStartOfDay(AvailabilityStore.PARIS).toInstant().plus(offset, ChronoUnit.MINUTES);
        for (int i = 0; i < n; i++) {
            store.count(Map.of(provider, state), start.plus(i, ChronoUnit.MINUTES));
        }
    }

    private static AvailabilityReport.Provider providerOf(AvailabilityReport report, String provider) {
        return report.data().stream().filter(p -> p.provider().equals(provider)).findFirst().orElseThrow();
    }

    private static AvailabilityReport.Day dayOf(AvailabilityReport report, String provider) {
        return providerOf(report, provider).days().get(0);
    }
}
