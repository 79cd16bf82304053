package fr.guichet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No silent default where production is at stake: the provider mode and the gateway's trace salt
 * must be said, the Ingress publishes the public API only (no /q/ endpoint, no Swagger UI), and
 * production logs are JSON.
 */
class ProductionDefaultsTest {

    @Test
    void withoutAModeTheChartRefusesToRenderInsteadOfDefaultingToSandbox() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChartRenderer.templateWithoutBase(ChartRenderer.CHART, List.of(), Map.of(
                        "secrets.gatewayTraceSalt.existingSecret", "guichet-gateway-trace-salt")));
        assertTrue(e.getMessage().contains("mode is required: sandbox (answers from the sandbox fixtures) or production"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ChartRenderer.template(ChartRenderer.CHART, List.of(), Map.of("mode", "")));
        assertThrows(IllegalStateException.class, () -> ChartRenderer.template(ChartRenderer.CHART, List.of(), Map.of("mode", "fixtures")));
        // Said explicitly, each mode reaches every provider.
        for (String mode : List.of("sandbox", "production")) {
            List<ObjectNode> objects = ChartRenderer.parse(ChartRenderer.template(ChartRenderer.CHART, List.of(), Map.of("mode", mode)));
            for (String provider : Manifests.PROVIDERS) {
                assertEquals(mode, Manifests.named(objects, "ConfigMap", "guichet-" + provider).path("data").path("GUICHET_PROVIDER_MODE").asText());
            }
        }
    }

    @Test
    void withoutTheGatewayTraceSaltSecretTheChartRefusesToRender() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChartRenderer.templateWithoutBase(ChartRenderer.CHART, List.of(), Map.of("mode", "production")));
        assertTrue(e.getMessage().contains("secrets.gatewayTraceSalt.existingSecret is required"), e.getMessage());
    }

    @Test
    void theIngressRoutesThePublicApiAndNothingUnderQNorSwaggerUi() {
        for (List<ObjectNode> objects : List.of(ChartRenderer.parse(ChartRenderer.templateDefault()),
                ChartRenderer.parse(ChartRenderer.templateProduction()))) {
            JsonNode paths = Manifests.ofKind(objects, "Ingress").get(0).path("spec").path("rules").get(0).path("http").path("paths");
            for (String hidden : List.of("/q/metrics", "/q/health/ready", "/q/swagger-ui", "/q/openapi", "/q/dev",
                    "/swagger-ui", "/swagger-ui/index.html", "/admin/organisations", "/internal/tokens/x", "/traces")) {
                assertEquals(List.of(), routed(paths, hidden), hidden + " is published");
            }
            // "/" itself is the portal's home page, published alone (Exact), never as a prefix
            assertEquals(List.of("guichet-portal"), routed(paths, "/"));
            assertEquals(List.of("guichet-portal"), routed(paths, "/demarches/0190d0a4-0000-7000-8000-000000000000"));
            assertEquals(List.of("guichet-portal"), routed(paths, "/statut.json"));
            assertEquals(List.of("guichet-gateway"), routed(paths, "/v3/insee/sirene/unites_legales/552049447"));
            assertEquals(List.of("guichet-gateway"), routed(paths, "/v4/djepva/api-association/associations/x"));
            assertEquals(List.of("guichet-gateway"), routed(paths, "/proxy/files/0190d0a4-0000-7000-8000-000000000000"));
            assertEquals(List.of("guichet-gateway"), routed(paths, "/privileges"));
            assertEquals(List.of("guichet-gateway"), routed(paths, "/pings"));
            assertEquals(List.of("guichet-token"), routed(paths, "/oauth/token"));
        }
    }

    @Test
    void anIngressPathThatWouldPublishQuarkusEndpointsIsRefused() {
        for (String path : List.of("/", "/q", "/q/metrics", "/swagger-ui")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChartRenderer.template(ChartRenderer.CHART,
                    List.of(), Map.of("ingress.gatewayPaths[0].path", path, "ingress.gatewayPaths[0].pathType", "Prefix")));
            assertTrue(e.getMessage().contains("ingress: path \"" + path + "\" would publish more than the public API"), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> ChartRenderer.template(ChartRenderer.CHART, List.of(),
                Map.of("ingress.tokenServicePaths[0].path", "/q/health", "ingress.tokenServicePaths[0].pathType", "Prefix")));
        for (String path : List.of("/", "/q")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChartRenderer.template(ChartRenderer.CHART,
                    List.of(), Map.of("ingress.portalPaths[0].path", path, "ingress.portalPaths[0].pathType", "Prefix")));
            assertTrue(e.getMessage().contains("ingress.portalPaths: path \"" + path + "\""), e.getMessage());
        }
    }

    @Test
    void providersHaveNoSandboxDefaultInTheirProductionProfile() throws IOException {
        // The launcher and the tests say sandbox explicitly; a production start without a mode
        // must fail (the %prod value has no default), never fall back to the sandbox fixtures.
        for (ServicesCatalog.Entry provider : ServicesCatalog.read().providers()) {
            Path file = ServicesCatalog.ROOT.resolve(provider.module()).resolve("src/main/resources/application.properties");
            List<String> prod = Files.readAllLines(file).stream().filter(l -> l.startsWith("%prod.guichet.provider.mode")).toList();
            assertEquals(List.of("%prod.guichet.provider.mode=${GUICHET_PROVIDER_MODE}"), prod, provider.module());
        }
    }

    @Test
    void everyServiceLogsJsonInProductionAndPlainTextInDevAndTest() throws IOException {
        for (ServicesCatalog.Entry service : ServicesCatalog.read().services()) {
            Path module = ServicesCatalog.ROOT.resolve(service.module());
            assertTrue(Files.readString(module.resolve("pom.xml")).contains("<artifactId>quarkus-logging-json</artifactId>"),
                    service.module() + " lacks quarkus-logging-json");
            List<String> properties = Files.readAllLines(module.resolve("src/main/resources/application.properties"));
            for (String line : List.of("%prod.quarkus.log.console.json.enabled=true", "%dev.quarkus.log.console.json.enabled=false",
                    "%test.quarkus.log.console.json.enabled=false")) {
                assertTrue(properties.contains(line), service.module() + ": missing " + line);
            }
        }
    }

    /** Backends an Ingress sends a request path to (Kubernetes Exact and Prefix matching). */
    private static List<String> routed(JsonNode paths, String requestPath) {
        List<String> backends = new ArrayList<>();
        for (JsonNode p : paths) {
            String path = p.path("path").asText();
            boolean match = switch (p.path("pathType").asText()) {
                case "Exact" -> requestPath.equals(path);
                // Prefix matches whole path elements: /v3 matches /v3 and /v3/x, not /v30.
                default -> path.equals("/") || requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
            };
            if (match) {
                backends.add(p.path("backend").path("service").path("name").asText());
            }
        }
        return backends;
    }
}
