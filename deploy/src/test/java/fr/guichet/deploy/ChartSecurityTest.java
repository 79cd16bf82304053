package fr.guichet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security properties of the rendered objects, and proof that each rule catches a bad object. */
class ChartSecurityTest {

    private static final List<ObjectNode> DEFAULT = ChartRenderer.parse(ChartRenderer.templateDefault());
    private static final List<ObjectNode> PRODUCTION = ChartRenderer.parse(ChartRenderer.templateProduction());

    @Test
    void everyContainerIsNonRootReadOnlyWithoutPrivilegeOrCapability() {
        assertEquals(List.of(), SecurityRules.containerViolations(DEFAULT));
        assertEquals(List.of(), SecurityRules.containerViolations(PRODUCTION));
    }

    @Test
    void everyPodIsCoveredByADefaultDenyAndItsOwnNetworkPolicy() {
        assertEquals(List.of(), SecurityRules.networkPolicyViolations(DEFAULT));
        assertEquals(List.of(), SecurityRules.networkPolicyViolations(PRODUCTION));
    }

    @Test
    void noSecretValueIsInline() {
        assertEquals(List.of(), SecurityRules.inlineSecretViolations(DEFAULT));
        assertEquals(List.of(), SecurityRules.inlineSecretViolations(PRODUCTION));
    }

    @Test
    void aContainerRunningAsRootIsCaught() {
        List<ObjectNode> objects = copy(DEFAULT);
        JsonNode podSpec = Manifests.podTemplate(Manifests.workload(objects, "insee").orElseThrow()).path("spec");
        ObjectNode sc = (ObjectNode) podSpec.path("containers").get(0).path("securityContext");
        sc.put("runAsUser", 0);
        sc.put("runAsNonRoot", false);
        List<String> violations = SecurityRules.containerViolations(objects);
        assertTrue(violations.contains("Deployment/guichet-insee container insee: runs as user 0"), violations::toString);
        assertTrue(violations.contains("Deployment/guichet-insee container insee: runAsNonRoot is not true"), violations::toString);
    }

    @Test
    void aContainerWithoutSecurityContextIsCaught() {
        List<ObjectNode> objects = copy(DEFAULT);
        ObjectNode podSpec = (ObjectNode) Manifests.podTemplate(Manifests.workload(objects, "trace").orElseThrow()).path("spec");
        podSpec.remove("securityContext");
        ((ObjectNode) podSpec.path("containers").get(0)).remove("securityContext");
        List<String> violations = SecurityRules.containerViolations(objects);
        assertEquals(6, violations.size(), violations::toString);
        assertTrue(violations.stream().allMatch(v -> v.startsWith("Deployment/guichet-trace")), violations::toString);
    }

    @Test
    void aPodOutsideEveryNetworkPolicyIsCaught() {
        List<ObjectNode> objects = copy(DEFAULT);
        ObjectNode labels = (ObjectNode) Manifests.podTemplate(Manifests.workload(objects, "dgfip").orElseThrow())
                .path("metadata").path("labels");
        labels.put("app.kubernetes.io/instance", "other");
        List<String> violations = SecurityRules.networkPolicyViolations(objects);
        assertEquals(List.of("Deployment/guichet-dgfip: no NetworkPolicy selects its pods",
                "Deployment/guichet-dgfip: no default-deny NetworkPolicy (Ingress and Egress) selects its pods"), violations);
    }

    @Test
    void emptyPeerListsNeverOpenAPolicyToEverything() throws Exception {
        java.nio.file.Path values = ChartRenderer.WORK_DIR.resolve("empty-peers-values.yaml");
        java.nio.file.Files.writeString(values, """
                networkPolicy: {ingressControllerPeers: [], monitoringPeers: [], dnsPeers: []}
                redis: {networkPolicyPeers: []}
                postgresql: {networkPolicyPeers: []}
                """);
        List<ObjectNode> objects = ChartRenderer.parse(ChartRenderer.template(ChartRenderer.CHART, List.of(values), Map.of()));
        assertEquals(List.of(), SecurityRules.networkPolicyViolations(objects));
        assertEquals(List.of(), KubernetesSchemaValidator.validate(Manifests.ofKind(objects, "NetworkPolicy")));
        // Without ingress controller nor Prometheus peers, only trace-service reaches the gateway (its pings).
        JsonNode gateway = Manifests.named(objects, "NetworkPolicy", "guichet-gateway").path("spec");
        assertEquals(1, gateway.path("ingress").size(), gateway::toString);
        assertEquals("trace", gateway.path("ingress").get(0).path("from").get(0).path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/component").asText(), gateway::toString);
    }

    @Test
    void aRuleWithoutPeersIsCaught() {
        List<ObjectNode> objects = copy(DEFAULT);
        ObjectNode rule = (ObjectNode) Manifests.named(objects, "NetworkPolicy", "guichet-insee").path("spec").path("ingress").get(0);
        rule.remove("from");
        assertEquals(List.of("NetworkPolicy/guichet-insee: an ingress rule without 'from' allows everything"),
                SecurityRules.networkPolicyViolations(objects));
    }

    @Test
    void inlineSecretsAreCaught() {
        List<ObjectNode> objects = copy(DEFAULT);
        ObjectNode container = (ObjectNode) Manifests.podTemplate(Manifests.workload(objects, "token").orElseThrow())
                .path("spec").path("containers").get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) container.path("env")).addObject()
                .put("name", "QUARKUS_DATASOURCE_PASSWORD").put("value", "guichet");
        ((ObjectNode) Manifests.named(objects, "ConfigMap", "guichet-gateway").path("data"))
                .put("QUARKUS_REDIS_HOSTS", "redis://:s3cret@redis:6379/0");
        ObjectNode secret = ChartRenderer.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", "guichet-db");
        objects.add(secret);
        List<String> violations = SecurityRules.inlineSecretViolations(objects);
        assertEquals(3, violations.size(), violations::toString);
    }

    @Test
    void secretValuesThroughValuesEndUpAsSecretReferences() {
        List<ObjectNode> objects = ChartRenderer.parse(ChartRenderer.template(ChartRenderer.CHART, List.of(),
                Map.of("acoss.secretEnv[0].name", "GUICHET_PROVIDER_ACOSS_CLIENT_SECRET",
                        "acoss.secretEnv[0].secretName", "guichet-acoss",
                        "acoss.secretEnv[0].key", "client-secret")));
        assertEquals(List.of(), SecurityRules.inlineSecretViolations(objects));
        JsonNode env = Manifests.podTemplate(Manifests.workload(objects, "acoss").orElseThrow())
                .path("spec").path("containers").get(0).path("env");
        boolean found = false;
        for (JsonNode e : env) {
            if ("GUICHET_PROVIDER_ACOSS_CLIENT_SECRET".equals(e.path("name").asText())) {
                assertEquals("guichet-acoss", e.path("valueFrom").path("secretKeyRef").path("name").asText());
                found = true;
            }
        }
        assertTrue(found, env::toString);
    }

    @Test
    void providersAcceptTrafficOnlyFromTheGateway() {
        for (String provider : Manifests.PROVIDERS) {
            JsonNode spec = Manifests.named(DEFAULT, "NetworkPolicy", "guichet-" + provider).path("spec");
            JsonNode appRule = spec.path("ingress").get(0);
            assertEquals(1, appRule.path("from").size(), provider);
            assertEquals("gateway", appRule.path("from").get(0).path("podSelector").path("matchLabels")
                    .path("app.kubernetes.io/component").asText(), provider);
        }
        // No other rule lets a Guichet pod in: the remaining rule is Prometheus' namespace.
        JsonNode insee = Manifests.named(DEFAULT, "NetworkPolicy", "guichet-insee").path("spec").path("ingress");
        assertEquals(2, insee.size());
        assertFalse(insee.get(1).path("from").get(0).has("podSelector"));
    }

    @Test
    void egressIsLimitedToDnsDataStoresPeersAndConfiguredUpstreams() {
        JsonNode insee = Manifests.named(PRODUCTION, "NetworkPolicy", "guichet-insee").path("spec").path("egress");
        // DNS, Redis, the INSEE upstream.
        assertEquals(3, insee.size(), insee::toString);
        assertEquals("185.24.184.0/22", insee.get(2).path("to").get(0).path("ipBlock").path("cidr").asText());
        JsonNode trace = Manifests.named(DEFAULT, "NetworkPolicy", "guichet-trace").path("spec").path("egress");
        // DNS, PostgreSQL, token-service JWKS, the gateway's pings; no Redis, no internet.
        assertEquals(4, trace.size(), trace::toString);
        assertEquals("gateway", trace.get(3).path("to").get(0).path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/component").asText(), trace::toString);
        for (ObjectNode policy : Manifests.ofKind(PRODUCTION, "NetworkPolicy")) {
            for (JsonNode rule : policy.path("spec").path("egress")) {
                assertFalse(rule.path("to").isEmpty(), () -> Manifests.name(policy) + " has an egress rule open to everything");
                for (JsonNode peer : rule.path("to")) {
                    assertFalse("0.0.0.0/0".equals(peer.path("ipBlock").path("cidr").asText()), Manifests.name(policy));
                }
            }
        }
    }

    private static List<ObjectNode> copy(List<ObjectNode> objects) {
        return new java.util.ArrayList<>(objects.stream().map(ObjectNode::deepCopy).toList());
    }
}
