package fr.guichet.trace.logging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.trace.support.SessionTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * User data in log lines is escaped (a {@code %0A} in an export criterion cannot forge a separate
 * line) and each line carries its request id. Reads the log file the {@code %test} profile writes.
 */
@QuarkusTest
class LogLinesTest {

    private static final Path LOG = Path.of("target/trace-service-test.log");

    @Test
    void aLineBreakInACriterionCannotForgeALogLine() throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .header("X-Request-ID", requestId)
                .queryParam("format", "csv").queryParam("recipient", "13002526500013\n" + marker + " INFO admin action by root")
                .get("/admin/traces/export")
                .then().statusCode(200).header("X-Request-ID", requestId);

        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        List<String> withMarker = lines.stream().filter(l -> l.contains(marker)).toList();
        assertEquals(1, withMarker.size(), "the criterion stays on the line of its record: " + withMarker);
        String line = withMarker.get(0);
        assertFalse(line.startsWith(marker), line);
        assertTrue(line.contains("13002526500013\\n" + marker), line);
        assertTrue(line.contains("admin action trace_export"), line);
        assertTrue(line.contains("request_id=" + requestId), line);
    }

    @Test
    void aForgedRequestIdIsReplaced() throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        String answered = given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .header("X-Request-ID", "bad id <script> " + marker)
                .queryParam("format", "ndjson").queryParam("recipient", "13002526500013")
                .get("/admin/traces/export")
                .then().statusCode(200).extract().header("X-Request-ID");
        assertFalse(answered.contains(marker));
        assertTrue(Files.readAllLines(LOG, StandardCharsets.UTF_8).stream().noneMatch(l -> l.contains(marker)));
    }
}
