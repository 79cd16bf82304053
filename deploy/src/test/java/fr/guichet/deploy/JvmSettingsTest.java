package fr.guichet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM settings chosen from measured resident sets (docs/benchmarks.md, "Memory of the suite")
 * are the same wherever a service runs in JVM mode: the local launcher, the Helm chart and the
 * integration tests' stacks. A setting changed in one place only would make the measured table
 * describe none of them. The gateway's own system properties (the launcher's GATEWAY_OPTS) are
 * kept equal the same way, in native images too.
 */
class JvmSettingsTest {

    private static final List<ObjectNode> DEFAULT = ChartRenderer.parse(ChartRenderer.templateDefault());

    @Test
    void launcherChartAndTestStacksStartTheJvmAlike() throws Exception {
        Map<String, String> launcher = launcherSettings();
        String options = launcher.get("JAVA_OPTS");
        assertFalse(options.isBlank());
        assertEquals(options, String.join(" ", ServiceProcess.JVM_OPTIONS), "integration-test stacks (ServiceProcess)");
        assertEquals(launcher.get("LEAN_OPTS"), String.join(" ", ServiceProcess.LEAN_OPTIONS), "integration-test stacks (ServiceProcess)");
        assertEquals(launcher.get("MALLOC_ARENA"), ServiceProcess.MALLOC_ARENA_MAX, "integration-test stacks (ServiceProcess)");
        assertEquals(launcher.get("GATEWAY_OPTS"), String.join(" ", ServiceProcess.GATEWAY_OPTIONS), "integration-test stacks (ServiceProcess)");
        for (String component : Manifests.COMPONENTS) {
            JsonNode env = Manifests.podTemplate(Manifests.workload(DEFAULT, component).orElseThrow())
                    .path("spec").path("containers").get(0).path("env");
            // The launcher's options of that service (jvm_options_of), to which the chart adds only what
            // a pod needs: exit on OutOfMemoryError, so that Kubernetes restarts it.
            String ofLauncher = launcherOptionsOf(component);
            assertTrue(ofLauncher.startsWith(options), ofLauncher);
            String expected = options + " -XX:+ExitOnOutOfMemoryError" + ofLauncher.substring(options.length());
            assertEquals(expected, value(env, "JAVA_TOOL_OPTIONS"), component);
            assertEquals(launcher.get("MALLOC_ARENA"), value(env, "MALLOC_ARENA_MAX"), component);
        }
    }

    /**
     * The gateway alone runs with Vert.x's URI check off (Quarkus's check answers 400 with an empty
     * body before the gateway can answer with its error model): in the launcher's GATEWAY_OPTS
     * (LauncherTest checks its command line), a JVM pod's JAVA_TOOL_OPTIONS (above) and a native
     * pod's arguments, which a native executable reads as system properties.
     */
    @Test
    void theGatewayAloneRunsWithoutVertxUriValidationJvmOrNative() throws Exception {
        List<String> gatewayOptions = List.of(launcherSettings().get("GATEWAY_OPTS").split(" "));
        assertTrue(gatewayOptions.contains("-Dvertx.disableURIValidation=true"), gatewayOptions::toString);
        List<ObjectNode> nativeImages = ChartRenderer.parse(
                ChartRenderer.template(ChartRenderer.CHART, List.of(), Map.of("image.flavour", "native")));
        for (String component : Manifests.COMPONENTS) {
            JsonNode container = Manifests.podTemplate(Manifests.workload(nativeImages, component).orElseThrow())
                    .path("spec").path("containers").get(0);
            List<String> args = new ArrayList<>();
            container.path("args").forEach(a -> args.add(a.asText()));
            assertEquals("gateway".equals(component) ? gatewayOptions : List.of(), args, component);
        }
    }

    /** What bin/guichet's jvm_options_of gives service {@code component}, sourced with none of its GUICHET_* overrides set. */
    private static String launcherOptionsOf(String component) throws Exception {
        return bash(". bin/guichet\njvm_options_of " + component).get(0);
    }

    /** JAVA_OPTS, MALLOC_ARENA, LEAN_OPTS and GATEWAY_OPTS of bin/guichet, sourced with none of its GUICHET_* overrides set. */
    private static Map<String, String> launcherSettings() throws Exception {
        List<String> lines = bash(". bin/guichet\nprintf '%s\\n%s\\n%s\\n%s\\n' \"$JAVA_OPTS\" \"$MALLOC_ARENA\" \"$LEAN_OPTS\" \"$GATEWAY_OPTS\"");
        return Map.of("JAVA_OPTS", lines.get(0), "MALLOC_ARENA", lines.get(1), "LEAN_OPTS", lines.get(2),
                "GATEWAY_OPTS", lines.get(3));
    }

    /** The lines {@code script} prints, run by bash in the repository with no GUICHET_* variable set. */
    private static List<String> bash(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(ServicesCatalog.ROOT.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("GUICHET_"));
        Process p = pb.start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor(), "sourcing bin/guichet failed");
        return lines;
    }

    private static String value(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (name.equals(e.path("name").asText())) {
                return e.path("value").asText();
            }
        }
        return null;
    }
}
