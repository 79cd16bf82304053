package fr.guichet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator relies on: availability settings, image flavours, the incident switch, wiring. */
class ChartBehaviourTest {

    private static final List<ObjectNode> DEFAULT = ChartRenderer.parse(ChartRenderer.templateDefault());

    private static List<ObjectNode> render(Map<String, Object> sets) {
        return ChartRenderer.parse(ChartRenderer.template(ChartRenderer.CHART, List.of(), sets));
    }

    private static JsonNode container(List<ObjectNode> objects, String component) {
        return Manifests.podTemplate(Manifests.workload(objects, component).orElseThrow()).path("spec").path("containers").get(0);
    }

    private static JsonNode config(List<ObjectNode> objects, String component) {
        return Manifests.named(objects, "ConfigMap", "guichet-" + component).path("data");
    }

    @Test
    void gatewayRollsWithoutEverLosingAReplica() {
        JsonNode strategy = Manifests.workload(DEFAULT, "gateway").orElseThrow().path("spec").path("strategy");
        assertEquals("RollingUpdate", strategy.path("type").asText());
        assertEquals(0, strategy.path("rollingUpdate").path("maxUnavailable").asInt(-1));
        assertEquals(1, strategy.path("rollingUpdate").path("maxSurge").asInt());
    }

    @Test
    void gatewayAndProvidersAutoscaleAndEveryServiceHasADisruptionBudget() {
        List<String> scaled = new ArrayList<>();
        for (ObjectNode hpa : Manifests.ofKind(DEFAULT, "HorizontalPodAutoscaler")) {
            assertEquals(Manifests.name(hpa), hpa.path("spec").path("scaleTargetRef").path("name").asText());
            scaled.add(Manifests.name(hpa));
        }
        // The providers and the gateway, in services.yml's order: a new provider autoscales with no edit here.
        assertEquals(Manifests.COMPONENTS.stream().filter(c -> Manifests.PROVIDERS.contains(c) || "gateway".equals(c))
                .map(c -> "guichet-" + c).toList(), scaled);
        // The HPA owns the replica count of autoscaled workloads.
        assertFalse(Manifests.workload(DEFAULT, "gateway").orElseThrow().path("spec").has("replicas"));
        assertEquals(2, Manifests.workload(DEFAULT, "token").orElseThrow().path("spec").path("replicas").asInt());
        for (String component : Manifests.COMPONENTS) {
            JsonNode pdb = Manifests.named(DEFAULT, "PodDisruptionBudget", "guichet-" + component).path("spec");
            assertTrue(pdb.path("minAvailable").asInt() >= 1, component);
            assertTrue(Manifests.selects(pdb.path("selector"), Manifests.labels(
                    Manifests.podTemplate(Manifests.workload(DEFAULT, component).orElseThrow()).path("metadata"))), component);
        }
    }

    @Test
    void aDisruptionBudgetThatWouldBlockEveryDrainIsRefused() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> render(Map.of("token.podDisruptionBudget.minAvailable", 2)));
        assertTrue(e.getMessage().contains("token.podDisruptionBudget.minAvailable (2) must be below its replica count (2)"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> render(Map.of("gateway.podDisruptionBudget.minAvailable", 3)));
    }

    @Test
    void probesUseTheQuarkusHealthEndpointsAndJvmPodsGetAStartupProbe() {
        for (String component : Manifests.COMPONENTS) {
            JsonNode c = container(DEFAULT, component);
            assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText());
            assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText());
            assertEquals("/q/health/live", c.path("startupProbe").path("httpGet").path("path").asText());
        }
        Map<String, Integer> ports = Map.of("gateway", 8080, "token", 8081, "trace", 8082, "insee", 8083, "dgfip", 8084, "acoss", 8085);
        ports.forEach((component, port) -> {
            assertEquals(port, container(DEFAULT, component).path("ports").get(0).path("containerPort").asInt());
            assertEquals(port, Manifests.named(DEFAULT, "Service", "guichet-" + component).path("spec").path("ports").get(0).path("port").asInt());
        });
    }

    @Test
    void imageFlavourIsSelectablePerService() {
        List<ObjectNode> objects = render(Map.of("image.flavour", "native", "token.image.flavour", "jvm"));
        JsonNode gateway = container(objects, "gateway");
        assertEquals("ghcr.io/guichet/gateway-service:0.1.0-native", gateway.path("image").asText());
        assertFalse(gateway.has("startupProbe"));
        assertFalse(gateway.path("env").toString().contains("JAVA_TOOL_OPTIONS"));
        JsonNode token = container(objects, "token");
        assertEquals("ghcr.io/guichet/token-service:0.1.0", token.path("image").asText());
        assertTrue(token.has("startupProbe"));
    }

    @Test
    void incidentSwitchCutsProvidersOrTheDataPlaneThroughTheGatewayConfigOnly() {
        JsonNode normal = config(DEFAULT, "gateway");
        assertEquals("false", normal.path("GUICHET_GATEWAY_INCIDENT_DATA_PLANE_CUT").asText());
        assertEquals("", normal.path("GUICHET_GATEWAY_INCIDENT_CUT_PROVIDERS").asText());

        List<ObjectNode> cut = render(Map.of("incident.cutProviders[0]", "insee", "incident.cutProviders[1]", "dgfip"));
        assertEquals("insee,dgfip", config(cut, "gateway").path("GUICHET_GATEWAY_INCIDENT_CUT_PROVIDERS").asText());
        List<ObjectNode> all = render(Map.of("incident.dataPlaneCut", true));
        assertEquals("true", config(all, "gateway").path("GUICHET_GATEWAY_INCIDENT_DATA_PLANE_CUT").asText());

        // Same images; only the gateway pods roll (their config checksum changes).
        for (String component : Manifests.COMPONENTS) {
            assertEquals(container(DEFAULT, component).path("image"), container(cut, component).path("image"));
            String before = checksum(DEFAULT, component);
            String after = checksum(cut, component);
            if ("gateway".equals(component)) {
                assertNotEquals(before, after);
            } else {
                assertEquals(before, after, component);
            }
        }
    }

    @Test
    void servicesAreWiredToEachOtherAndToTheDataStores() {
        JsonNode gateway = config(DEFAULT, "gateway");
        assertEquals("http://guichet-insee:8083", gateway.path("GUICHET_GATEWAY_PROVIDERS_INSEE_URL").asText());
        assertEquals("http://guichet-dgfip:8084", gateway.path("GUICHET_GATEWAY_PROVIDERS_DGFIP_URL").asText());
        assertEquals("http://guichet-acoss:8085", gateway.path("GUICHET_GATEWAY_PROVIDERS_ACOSS_URL").asText());
        assertEquals("http://guichet-token:8081", gateway.path("GUICHET_GATEWAY_TOKEN_SERVICE_URL").asText());
        assertEquals("http://guichet-trace:8082", gateway.path("GUICHET_GATEWAY_TRACE_SERVICE_URL").asText());
        assertEquals("/var/lib/guichet/journal", gateway.path("GUICHET_GATEWAY_JOURNAL_DIR").asText());
        assertTrue(container(DEFAULT, "gateway").path("volumeMounts").toString().contains("/var/lib/guichet/journal"));

        JsonNode token = config(DEFAULT, "token");
        assertEquals("jdbc:postgresql://guichet-postgresql.guichet-data.svc.cluster.local:5432/guichet_token",
                token.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
        assertEquals("postgresql://guichet-postgresql.guichet-data.svc.cluster.local:5432/guichet_token",
                token.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText());
        assertEquals("guichet_trace", config(DEFAULT, "trace").path("QUARKUS_DATASOURCE_JDBC_URL").asText().replaceAll(".*/", ""));
        assertEquals("http://guichet-token:8081/.well-known/jwks.json", config(DEFAULT, "trace").path("GUICHET_TRACE_JWKS_URL").asText());
        // The providers' availability (status page): trace-service reads the gateway's pings, the portal trace-service.
        assertEquals("http://guichet-gateway:8080", config(DEFAULT, "trace").path("GUICHET_TRACE_AVAILABILITY_PINGS_URL").asText());
        assertEquals("http://guichet-trace:8082", config(DEFAULT, "portal").path("GUICHET_PORTAL_TRACE_SERVICE_URL").asText());
        for (String c : List.of("gateway", "token", "insee", "dgfip", "acoss")) {
            assertEquals("redis://guichet-redis.guichet-data.svc.cluster.local:6379/0", config(DEFAULT, c).path("QUARKUS_REDIS_HOSTS").asText(), c);
            assertTrue(container(DEFAULT, c).path("env").toString().contains("QUARKUS_REDIS_PASSWORD"), c);
        }
        assertFalse(config(DEFAULT, "trace").has("QUARKUS_REDIS_HOSTS"));
        for (String c : List.of("token", "trace")) {
            String env = container(DEFAULT, c).path("env").toString();
            assertTrue(env.contains("QUARKUS_DATASOURCE_USERNAME") && env.contains("QUARKUS_DATASOURCE_PASSWORD"), c);
        }
        List<ObjectNode> production = ChartRenderer.parse(ChartRenderer.templateProduction());
        assertEquals("rediss://redis.guichet-data.svc.cluster.local:6379/0", config(production, "insee").path("QUARKUS_REDIS_HOSTS").asText());
        assertEquals("production", config(production, "dgfip").path("GUICHET_PROVIDER_MODE").asText());
        assertTrue(config(production, "token").path("QUARKUS_DATASOURCE_JDBC_URL").asText().endsWith("/guichet_token?sslmode=require"));
    }

    @Test
    void serviceSecretsComeFromTheirSecretsUnderTheServicesPropertyNames() {
        assertEquals(Map.of(
                "QUARKUS_REDIS_PASSWORD", "guichet-redis/password",
                "GUICHET_SERVICE_AUTH_SECRET", "guichet-service-auth/secret",
                "GUICHET_GATEWAY_TRACE_SERVICE_SECRET", "guichet-trace-ingestion/gateway",
                "GUICHET_GATEWAY_TRACE_SALT", "guichet-gateway-trace-salt/salt"), secretEnv(DEFAULT, "gateway"));
        assertEquals(Map.of(
                "QUARKUS_REDIS_PASSWORD", "guichet-redis/password",
                "QUARKUS_DATASOURCE_USERNAME", "guichet-token-db/username",
                "QUARKUS_DATASOURCE_PASSWORD", "guichet-token-db/password",
                "GUICHET_SERVICE_AUTH_SECRET", "guichet-service-auth/secret",
                "GUICHET_TOKEN_ADMIN_BOOTSTRAP_SECRET", "guichet-token-admin/bootstrap-secret",
                "GUICHET_TOKEN_TRACE_SERVICE_SECRET", "guichet-trace-ingestion/token-service",
                "GUICHET_TOKEN_KEYS_MASTER_KEY", "guichet-token-keys/master-key"), secretEnv(DEFAULT, "token"));
        // The names trace-service's %prod profile reads for guichet.trace.ingestion.clients.*, and the
        // gateway's own salt: an auditor's identity search must hash exactly as the gateway did.
        assertEquals(Map.of(
                "QUARKUS_DATASOURCE_USERNAME", "guichet-trace-db/username",
                "QUARKUS_DATASOURCE_PASSWORD", "guichet-trace-db/password",
                "GUICHET_TRACE_INGESTION_CLIENTS_GATEWAY", "guichet-trace-ingestion/gateway",
                "GUICHET_TRACE_INGESTION_CLIENTS_TOKEN_SERVICE", "guichet-trace-ingestion/token-service",
                "GUICHET_TRACE_SALT", "guichet-gateway-trace-salt/salt"), secretEnv(DEFAULT, "trace"));
        for (String provider : Manifests.PROVIDERS) {
            assertEquals(Map.of("QUARKUS_REDIS_PASSWORD", "guichet-redis/password",
                    "GUICHET_SERVICE_AUTH_SECRET", "guichet-service-auth/secret"), secretEnv(DEFAULT, provider));
        }

        // The seal key is a read-only file from its Secret, never generated in a pod.
        JsonNode trace = config(DEFAULT, "trace");
        assertEquals("/var/run/secrets/guichet/seal/seal-key.pem", trace.path("GUICHET_TRACE_SEAL_KEY_FILE").asText());
        assertEquals("false", trace.path("GUICHET_TRACE_SEAL_GENERATE_IF_MISSING").asText());
        JsonNode pod = Manifests.podTemplate(Manifests.workload(DEFAULT, "trace").orElseThrow()).path("spec");
        assertTrue(pod.path("containers").get(0).path("volumeMounts").toString()
                .contains("{\"name\":\"seal\",\"mountPath\":\"/var/run/secrets/guichet/seal\",\"readOnly\":true}"));
        assertTrue(pod.path("volumes").toString().contains("\"secretName\":\"guichet-trace-seal\""));
        // The issuer is set once and read by the three services that check it.
        List<ObjectNode> issuer = render(Map.of("token.issuer", "urn:guichet:test"));
        assertEquals("urn:guichet:test", config(issuer, "token").path("GUICHET_TOKEN_ISSUER").asText());
        assertEquals("urn:guichet:test", config(issuer, "token").path("MP_JWT_VERIFY_ISSUER").asText());
        assertEquals("urn:guichet:test", config(issuer, "gateway").path("GUICHET_GATEWAY_TOKEN_SERVICE_ISSUER").asText());
        assertEquals("urn:guichet:test", config(issuer, "trace").path("GUICHET_TRACE_TOKEN_ISSUER").asText());
    }

    private static Map<String, String> secretEnv(List<ObjectNode> objects, String component) {
        Map<String, String> refs = new java.util.HashMap<>();
        for (JsonNode env : container(objects, component).path("env")) {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                refs.put(env.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        }
        return refs;
    }

    @Test
    void gatewayAndTokenServiceSeeTheCallerAddressThroughTrustedProxiesOnly() {
        for (String c : List.of("gateway", "token")) {
            JsonNode data = config(DEFAULT, c);
            assertEquals("true", data.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText(), c);
            assertEquals("true", data.path("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED").asText(), c);
            assertEquals("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16", data.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText(), c);
        }
        for (String c : List.of("trace", "insee", "dgfip", "acoss")) {
            assertFalse(config(DEFAULT, c).has("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"), c);
        }
        List<ObjectNode> production = ChartRenderer.parse(ChartRenderer.templateProduction());
        assertEquals("10.244.0.0/16", config(production, "gateway").path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText());
        assertFalse(config(render(Map.of("forwardedHeaders.enabled", false)), "gateway").has("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
    }

    @Test
    void persistentJournalTurnsTheGatewayIntoAStatefulSetWithOneVolumePerPod() {
        List<ObjectNode> objects = render(Map.of("gateway.journal.persistence.enabled", true));
        ObjectNode gateway = Manifests.workload(objects, "gateway").orElseThrow();
        assertEquals("StatefulSet", Manifests.kind(gateway));
        assertEquals("guichet-gateway-headless", gateway.path("spec").path("serviceName").asText());
        assertEquals("journal", gateway.path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name").asText());
        assertEquals("None", Manifests.named(objects, "Service", "guichet-gateway-headless").path("spec").path("clusterIP").asText());
        assertEquals("StatefulSet", Manifests.named(objects, "HorizontalPodAutoscaler", "guichet-gateway")
                .path("spec").path("scaleTargetRef").path("kind").asText());
        assertFalse(Manifests.podTemplate(gateway).path("spec").path("volumes").toString().contains("\"journal\""));
    }

    @Test
    void ingressTerminatesTlsForTheGatewayAndTheTokenServicePublicPathsOnly() {
        ObjectNode ingress = Manifests.ofKind(DEFAULT, "Ingress").get(0);
        assertEquals(1, Manifests.ofKind(DEFAULT, "Ingress").size());
        assertEquals("guichet-tls", ingress.path("spec").path("tls").get(0).path("secretName").asText());
        List<String> routes = new ArrayList<>();
        for (JsonNode path : ingress.path("spec").path("rules").get(0).path("http").path("paths")) {
            routes.add(path.path("path").asText() + " -> " + path.path("backend").path("service").path("name").asText());
        }
        assertEquals(List.of("/.well-known/jwks.json -> guichet-token", "/oauth/token -> guichet-token",
                "/auth/magic-links -> guichet-token", "/me -> guichet-token", "/v3 -> guichet-gateway",
                "/v4 -> guichet-gateway", "/proxy/files -> guichet-gateway", "/privileges -> guichet-gateway",
                "/openapi -> guichet-gateway", "/openapi.yaml -> guichet-gateway", "/pings -> guichet-gateway",
                "/ping -> guichet-gateway", "/ -> guichet-portal", "/connexion -> guichet-portal",
                "/deconnexion -> guichet-portal", "/demarches -> guichet-portal", "/habilitations -> guichet-portal",
                "/statut -> guichet-portal", "/statut.json -> guichet-portal", "/assets -> guichet-portal"), routes);
        assertFalse(routes.stream().anyMatch(r -> r.contains("admin") || r.contains("internal") || r.contains("trace")));
    }

    @Test
    void replicasAreSpreadAcrossNodes() {
        for (String component : Manifests.COMPONENTS) {
            JsonNode anti = Manifests.podTemplate(Manifests.workload(DEFAULT, component).orElseThrow())
                    .path("spec").path("affinity").path("podAntiAffinity");
            assertEquals("kubernetes.io/hostname", anti.path("preferredDuringSchedulingIgnoredDuringExecution").get(0)
                    .path("podAffinityTerm").path("topologyKey").asText(), component);
        }
        List<ObjectNode> production = ChartRenderer.parse(ChartRenderer.templateProduction());
        JsonNode hard = Manifests.podTemplate(Manifests.workload(production, "token").orElseThrow())
                .path("spec").path("affinity").path("podAntiAffinity");
        assertTrue(hard.has("requiredDuringSchedulingIgnoredDuringExecution"));
    }

    @Test
    void serviceMonitorsScrapeQuarkusMetricsWhenEnabled() {
        assertTrue(Manifests.ofKind(DEFAULT, "ServiceMonitor").isEmpty());
        List<ObjectNode> monitors = Manifests.ofKind(render(Map.of("serviceMonitor.enabled", true)), "ServiceMonitor");
        assertEquals(Manifests.COMPONENTS.size(), monitors.size(), "one per service of services.yml");
        for (ObjectNode monitor : monitors) {
            assertEquals("/q/metrics", monitor.path("spec").path("endpoints").get(0).path("path").asText());
        }
    }

    private static String checksum(List<ObjectNode> objects, String component) {
        return Manifests.podTemplate(Manifests.workload(objects, component).orElseThrow())
                .path("metadata").path("annotations").path("checksum/config").asText();
    }
}
