package fr.guichet.it.runbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import fr.guichet.it.runbook.RunbookBlocks.Block;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code bash} block of {@code docs/operations.md} (but those marked
 * {@code <!-- runbook:skip -->}, which need a Kubernetes cluster), in order, with bash, against
 * token-service, trace-service, provider-insee and the gateway started from their built jars: an
 * operator following the runbook gets what it says. Each block is one test; a failing one prints
 * the block and its output, and the blocks after it still run.
 *
 * <p>The blocks get the variables the runbook's "Conventions" section defines: the services' base
 * URLs, the admin bootstrap secret and an admin session, trace-service's database settings and its
 * jar for the {@code verify} command line.
 */
class OperationsRunbookIT {

    static final String RUNBOOK = "docs/operations.md";
    static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(3);

    static GuichetStack stack;
    static RunbookShell shell;

    @BeforeAll
    static void start() {
        stack = GuichetStack.builder()
                .logDir(Path.of("target", "it-logs", "runbook").toAbsolutePath())
                .with(Service.TRACE, Service.TOKEN, Service.INSEE, Service.GATEWAY)
                // the runbook retires the previous signing key once its successor has signed for this
                // long (one minute by default): kept short so that the run does not wait for it
                .property(Service.TOKEN, "guichet.token.keys.retire-grace", "2s")
                .start();
        String pg = GuichetStack.PG + "/" + Service.TRACE.database();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GUICHET_TOKEN_URL", stack.url(Service.TOKEN));
        env.put("GUICHET_GATEWAY_URL", stack.url(Service.GATEWAY));
        env.put("GUICHET_TRACE_URL", stack.url(Service.TRACE));
        env.put("GUICHET_ADMIN_SECRET", stack.adminSecret);
        env.put("ADMIN", stack.adminToken());
        env.put("GUICHET_TRACE_JAR", root().resolve("trace-service/target/quarkus-app/quarkus-run.jar").toString());
        env.put("QUARKUS_DATASOURCE_USERNAME", GuichetStack.DB_USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", GuichetStack.DB_PASSWORD);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + pg);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + pg);
        shell = new RunbookShell(Path.of("target", "runbook").toAbsolutePath(), env, BLOCK_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            try {
                clearIncidentSwitch();
            } finally {
                stack.close();
            }
        }
    }

    /**
     * The incident switch outlives the stack in the integration tests' Redis db: if a block failed
     * between cutting and restoring, the stacks of the next test classes would start cut.
     */
    private static void clearIncidentSwitch() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(Service.TOKEN) + "/admin/incident"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + stack.adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"data_plane_cut\": false, \"cut_providers\": [], \"reason\": \"Fin du test du runbook\"}"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("[runbook] could not clear the incident switch: " + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            System.err.println("[runbook] could not clear the incident switch: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandOfTheRunbookRuns() throws Exception {
        List<Block> blocks = RunbookBlocks.read(root().resolve(RUNBOOK));
        assertFalse(blocks.stream().allMatch(Block::skipped), "the runbook has no block to run");
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.label(RUNBOOK), () -> run(block)));
    }

    private static void run(Block block) {
        Assumptions.assumeFalse(block.skipped(), "marked runbook:skip (needs a Kubernetes cluster)");
        RunbookShell.Outcome outcome = shell.run(block.code());
        if (!outcome.ok()) {
            String report = "Runbook block " + block.label(RUNBOOK) + " exited with " + outcome.exitCode()
                    + "\n----- block -----\n" + block.code()
                    + "\n----- output -----\n" + outcome.output() + "-----";
            System.out.println(report);
            fail(report);
        }
    }

    static Path root() {
        return Path.of(System.getProperty("guichet.it.root", "..")).toAbsolutePath().normalize();
    }
}
