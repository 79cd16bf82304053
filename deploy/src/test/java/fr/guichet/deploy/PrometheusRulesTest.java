package fr.guichet.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The chart's alert rules: off by default; when enabled, one PrometheusRule carrying exactly the
 * groups of {@code files/prometheus-rules.yml} and the configured labels. The rendered groups pass
 * the real {@code promtool check rules}, and {@code promtool test rules} runs
 * {@code src/test/resources/prometheus-rules.test.yml} on them: each alert fires on the series
 * that should raise it (integrity failure, provider down...) and stays silent on healthy ones.
 * promtool comes with Debian's {@code prometheus} package, which {@code .ci/run} installs.
 */
class PrometheusRulesTest {

    static final Path RULES = ChartRenderer.CHART.resolve("files/prometheus-rules.yml");
    static final Path UNIT_TESTS = ChartRenderer.DEPLOY_DIR.resolve("src/test/resources/prometheus-rules.test.yml");
    /** The alerts docs/operations.md promises operators; each must exist and be exercised by the unit tests. */
    static final List<String> REQUIRED = List.of("GuichetProviderDown", "GuichetCircuitOpen", "GuichetJournalBacklogGrowing",
            "GuichetTraceShippingStalled", "GuichetTraceIntegrityFailure", "GuichetTraceIntegrityNotVerified",
            "GuichetTokenOutboxStalled", "GuichetGatewayErrorRatio");

    static JsonNode renderedRule() {
        List<ObjectNode> rules = Manifests.ofKind(ChartRenderer.parse(ChartRenderer.template(ChartRenderer.CHART, List.of(),
                Map.of("monitoring.prometheusRule.enabled", true, "monitoring.prometheusRule.labels.release", "monitoring"))),
                "PrometheusRule");
        assertEquals(1, rules.size());
        return rules.get(0);
    }

    @Test
    void offByDefaultAndOnWithItsLabels() {
        assertTrue(Manifests.ofKind(ChartRenderer.parse(ChartRenderer.templateDefault()), "PrometheusRule").isEmpty());
        assertTrue(Manifests.ofKind(ChartRenderer.parse(ChartRenderer.templateProduction()), "PrometheusRule").isEmpty());
        JsonNode rule = renderedRule();
        assertEquals("monitoring.coreos.com/v1", rule.path("apiVersion").asText());
        assertEquals("monitoring", rule.path("metadata").path("labels").path("release").asText());
        assertEquals("guichet", rule.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText());
    }

    @Test
    void theRuleCarriesTheRuleFileVerbatim() throws IOException {
        assertEquals(ChartRenderer.YAML.readTree(RULES.toFile()), renderedRule().path("spec"));
    }

    @Test
    void everyRequiredAlertExistsAndUsesOnlyExposedMeters() {
        Set<String> alerts = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        for (JsonNode group : renderedRule().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerts.add(rule.path("alert").asText());
                unknown.addAll(MeterNames.unknown(rule.path("expr").asText()));
                assertTrue(rule.path("labels").has("severity"), rule.path("alert").asText() + " has a severity");
                assertTrue(rule.path("annotations").has("summary"), rule.path("alert").asText() + " has a summary");
            }
        }
        assertTrue(alerts.containsAll(REQUIRED), "alerts " + alerts);
        assertEquals(Set.of(), unknown, "meters no Guichet service exposes");
    }

    @Test
    void promtoolChecksTheRulesAndTheyFireOnlyWhenTheyShould() throws Exception {
        Path dir = ChartRenderer.WORK_DIR.resolve("prometheus-rules");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("rendered-rules.yml"),
                ChartRenderer.YAML.writeValueAsString(renderedRule().path("spec")), StandardCharsets.UTF_8);
        String unitTests = Files.readString(UNIT_TESTS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("prometheus-rules.test.yml"), unitTests, StandardCharsets.UTF_8);
        for (String alert : REQUIRED) {
            assertTrue(unitTests.contains("alertname: " + alert), alert + " is exercised by " + UNIT_TESTS.getFileName());
        }

        String check = promtool(dir, "check", "rules", "rendered-rules.yml");
        assertTrue(check.contains("SUCCESS: " + REQUIRED.size() + " rules found"), check);
        String test = promtool(dir, "test", "rules", "prometheus-rules.test.yml");
        assertTrue(test.contains("SUCCESS"), test);
    }

    /** Runs promtool in {@code dir}; its combined output, after asserting it exited 0. */
    private static String promtool(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not on the PATH: apt-get install prometheus (.ci/run does it)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
