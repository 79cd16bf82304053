package fr.guichet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * services.yml is the one list of services and providers: the root pom, the bash reader used by
 * bin/guichet and CI, and the chart's copy all agree with it, and the chart deploys and wires a
 * provider from its entry alone.
 */
class ServicesListTest {

    private static final ServicesCatalog CATALOG = ServicesCatalog.read();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void everyServiceIsARootPomModuleAndEveryQuarkusApplicationModuleIsAService() throws IOException {
        String pom = Files.readString(ServicesCatalog.ROOT.resolve("pom.xml"));
        List<String> modules = new ArrayList<>();
        for (Matcher m = MODULE.matcher(pom); m.find(); ) {
            modules.add(m.group(1));
        }
        for (String module : CATALOG.modules()) {
            assertTrue(modules.contains(module), module + " is in services.yml but not a module of the root pom");
        }
        List<String> applications = new ArrayList<>();
        for (String module : modules) {
            if (Files.readString(ServicesCatalog.ROOT.resolve(module).resolve("pom.xml")).contains("<artifactId>quarkus-maven-plugin</artifactId>")) {
                applications.add(module);
            }
        }
        assertEquals(new HashSet<>(applications), new HashSet<>(CATALOG.modules()),
                "the Quarkus applications of the root pom and the services of services.yml differ");
        for (String library : List.of("common", "provider-kit", "test-support", "integration-tests", "deploy")) {
            assertFalse(CATALOG.modules().contains(library), library + " is not a service");
        }
    }

    @Test
    void entriesAreUniqueAndProvidersAreKnownToTheGatewayRoutes() throws IOException {
        List<ServicesCatalog.Entry> all = CATALOG.services();
        assertEquals(all.size(), all.stream().map(ServicesCatalog.Entry::name).distinct().count(), "duplicate name");
        assertEquals(all.size(), all.stream().map(ServicesCatalog.Entry::module).distinct().count(), "duplicate module");
        assertEquals(all.size(), all.stream().map(ServicesCatalog.Entry::portOffset).distinct().count(), "duplicate port offset");
        assertEquals("gateway", CATALOG.names().get(CATALOG.names().size() - 1), "the gateway calls every other service: it starts last");
        // Each provider key names a file of operation declarations (common's guichet/operations/),
        // which the gateway's route catalogue and the provider both read.
        Path operations = ServicesCatalog.ROOT.resolve("common/src/main/resources/guichet/operations");
        for (ServicesCatalog.Entry provider : CATALOG.providers()) {
            Path declarations = operations.resolve(provider.provider() + ".yml");
            assertTrue(Files.isRegularFile(declarations), provider.name() + ": no operation declarations at " + declarations);
            assertTrue(Files.readString(declarations).contains("provider: " + provider.provider()),
                    provider.name() + ": its declarations do not name its provider key");
        }
    }

    @Test
    void theBashReaderReadsWhatAYamlParserReads() {
        List<String> expected = CATALOG.services().stream().map(e -> String.join("\t", e.name(), e.module(), e.kind(),
                orDash(e.provider()), String.valueOf(e.portOffset()), orDash(e.database()), String.valueOf(e.redis()),
                orDash(e.launcherProperties()))).toList();
        assertEquals(expected, run("scripts/services.sh", "list").lines().toList());
        assertEquals(CATALOG.providers().stream().map(ServicesCatalog.Entry::module).toList(),
                run("scripts/services.sh", "modules", "provider").lines().toList());
    }

    @Test
    void theBashReaderRefusesAMalformedList() throws IOException {
        Path bad = ChartRenderer.WORK_DIR.resolve("services-bad.yml");
        Files.writeString(bad, "services:\n  - name: x\n    module: provider-x\n    kind: provider\n    port-ofset: 6\n    redis: true\n");
        Process p = bash(". scripts/services.sh; services_list " + bad);
        assertEquals(1, exit(p));
        assertTrue(stderr(p).contains("unknown key port-ofset"), stderr(p));
        Files.writeString(bad, "services:\n  - name: x\n    module: provider-x\n    kind: provider\n    port-offset: 6\n    redis: true\n");
        p = bash(". scripts/services.sh; services_list " + bad);
        assertEquals(1, exit(p));
        assertTrue(stderr(p).contains("provider x has no provider key"), stderr(p));
    }

    @Test
    void theChartCarriesAnExactCopyOfServicesYml() throws IOException {
        // Helm reads files inside the chart only; deploy/render.sh refreshes the copy.
        assertEquals(Files.readString(ServicesCatalog.FILE), Files.readString(ServicesCatalog.CHART_COPY),
                "deploy/helm/guichet/services.yml differs from services.yml: run deploy/render.sh");
    }

    @Test
    void aProviderAddedToServicesYmlIsDeployedWiredAndIsolatedWithNoOtherChartEdit() throws IOException {
        Path chart = ChartRenderer.copyChart("new-provider");
        Files.writeString(chart.resolve("services.yml"), """
                  - name: cnav
                    module: provider-cnav
                    kind: provider
                    provider: cnav
                    port-offset: 6
                    redis: true
                """, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<ObjectNode> objects = ChartRenderer.parse(ChartRenderer.template(chart, List.of(), Map.of()));

        JsonNode pod = Manifests.podTemplate(Manifests.workload(objects, "cnav").orElseThrow()).path("spec");
        JsonNode container = pod.path("containers").get(0);
        assertEquals("ghcr.io/guichet/provider-cnav:0.1.0", container.path("image").asText());
        assertEquals(8086, container.path("ports").get(0).path("containerPort").asInt());
        assertTrue(container.path("env").toString().contains("GUICHET_SERVICE_AUTH_SECRET"));
        assertEquals(8086, Manifests.named(objects, "Service", "guichet-cnav").path("spec").path("ports").get(0).path("port").asInt());
        JsonNode config = Manifests.named(objects, "ConfigMap", "guichet-cnav").path("data");
        assertEquals("sandbox", config.path("GUICHET_PROVIDER_MODE").asText());
        assertEquals("http://guichet-cnav:8086", Manifests.named(objects, "ConfigMap", "guichet-gateway").path("data")
                .path("GUICHET_GATEWAY_PROVIDERS_CNAV_URL").asText());
        Manifests.named(objects, "HorizontalPodAutoscaler", "guichet-cnav");
        Manifests.named(objects, "PodDisruptionBudget", "guichet-cnav");
        // Reachable from the gateway (and Prometheus' namespace) only, and the gateway may reach it.
        JsonNode own = Manifests.named(objects, "NetworkPolicy", "guichet-cnav").path("spec");
        assertEquals(2, own.path("ingress").size());
        assertEquals(1, own.path("ingress").get(0).path("from").size());
        assertEquals("gateway", own.path("ingress").get(0).path("from").get(0).path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/component").asText());
        assertEquals("monitoring", own.path("ingress").get(1).path("from").get(0).path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText());
        String gatewayEgress = Manifests.named(objects, "NetworkPolicy", "guichet-gateway").path("spec").path("egress").toString();
        assertTrue(gatewayEgress.contains("{\"port\":8086,\"protocol\":\"TCP\"}"), gatewayEgress);
        assertEquals(List.of(), SecurityRules.networkPolicyViolations(objects));
        assertEquals(List.of(), SecurityRules.containerViolations(objects));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    /** Runs a repository script and returns its standard output; fails on a non-zero exit. */
    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(ServicesCatalog.ROOT.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ": " + err);
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Process bash(String script) {
        try {
            return new ProcessBuilder("bash", "-c", script).directory(ServicesCatalog.ROOT.toFile()).start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int exit(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String stderr(Process p) {
        try {
            return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
