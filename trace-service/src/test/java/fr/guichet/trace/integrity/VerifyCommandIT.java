package fr.guichet.trace.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code verify} command as an operator runs it: the built jar, in the production profile,
 * with nothing but the database settings in its environment. Its schema ({@code verify_cli} in
 * the test database) is its own, migrated here with the service's Flyway scripts.
 */
class VerifyCommandIT {

    private static final String SCHEMA = "verify_cli";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/guichet_trace_test?currentSchema=" + SCHEMA;
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void freshSchema() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: package the module first");
        Flyway flyway = Flyway.configure().dataSource(URL, "guichet", "guichet").schemas(SCHEMA)
                .locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
    }

    @Test
    void exitsZeroOnAnIntactLogOneOnAnomaliesWithOnlyTheReportOnStdout() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(2);
        String from = "--from=" + month.atDay(1);
        String to = "--to=" + month.atEndOfMonth();

        Run intact = verify(URL, from, to);
        assertEquals(0, intact.exit(), intact::toString);
        // stdout is the JSON report and nothing else: no banner, no log line
        JsonNode report = JSON.readTree(intact.out());
        assertTrue(report.path("ok").asBoolean(), intact::toString);
        assertEquals(month.toString(), report.path("months_verified").path(0).asText());
        assertTrue(intact.out().strip().startsWith("{") && intact.out().strip().endsWith("}"), intact.out());

        // a row slipped into the log behind the service's back
        UUID forged = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(URL, "guichet", "guichet")) {
            try (PreparedStatement ps = c.prepareStatement("select trace_ensure_partition(?)")) {
                ps.setObject(1, month.atDay(1));
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into trace_event (id, ts, kind, status, batch_id) values (?, ?, 'API_CALL', 200, 424242)")) {
                ps.setObject(1, forged);
                ps.setObject(2, month.atDay(10).atStartOfDay().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
        Run anomalies = verify(URL, from, to);
        assertEquals(1, anomalies.exit(), anomalies::toString);
        JsonNode found = JSON.readTree(anomalies.out());
        assertFalse(found.path("ok").asBoolean());
        assertEquals("inserted", found.path("first_problem").path("type").asText());
        assertEquals(forged.toString(), found.path("first_problem").path("event_id").asText());
    }

    @Test
    void exitsTwoWhenItCannotVerifyAndPrintsNoReport() throws Exception {
        Run badArgument = verify(URL, "--since=yesterday");
        assertEquals(2, badArgument.exit(), badArgument::toString);
        assertEquals("", badArgument.out().strip(), badArgument::toString);

        Run badPeriod = verify(URL, "--from=2026-02-30");
        assertEquals(2, badPeriod.exit(), badPeriod::toString);
        assertEquals("", badPeriod.out().strip(), badPeriod::toString);

        // nothing listens on port 1
        Run unreachable = verify("jdbc:postgresql://127.0.0.1:1/guichet_trace_test?connectTimeout=2", "--from=2026-01-01");
        assertEquals(2, unreachable.exit(), unreachable::toString);
        assertEquals("", unreachable.out().strip(), unreachable::toString);
        assertTrue(unreachable.err().contains("vérification impossible"), unreachable::toString);
    }

    /** {@code java -jar quarkus-run.jar verify ...} with only the database settings in its environment. */
    private static Run verify(String jdbcUrl, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "verify"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GUICHET_") || k.startsWith("QUARKUS_"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "guichet");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "guichet");
        Path out = Files.createTempFile("verify-out", ".json");
        Path err = Files.createTempFile("verify-err", ".log");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("verify did not end within 120 s: " + Files.readString(err));
        }
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
