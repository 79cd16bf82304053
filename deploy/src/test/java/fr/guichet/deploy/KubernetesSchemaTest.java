package fr.guichet.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rendered object conforms to its Kubernetes API schema; a violating object is caught. */
class KubernetesSchemaTest {

    @Test
    void defaultRenderConformsToTheKubernetesSchemas() {
        List<ObjectNode> objects = ChartRenderer.parse(ChartRenderer.templateDefault());
        assertEquals(List.of(), KubernetesSchemaValidator.validate(objects));
    }

    @Test
    void productionRenderConformsToTheKubernetesSchemas() {
        List<ObjectNode> objects = ChartRenderer.parse(ChartRenderer.templateProduction());
        assertTrue(objects.stream().anyMatch(o -> "ServiceMonitor".equals(Manifests.kind(o))));
        assertTrue(objects.stream().anyMatch(o -> "StatefulSet".equals(Manifests.kind(o))));
        assertEquals(List.of(), KubernetesSchemaValidator.validate(objects));
    }

    @Test
    void optionalPartsSwitchedOffOrOnStillConform() {
        List<ObjectNode> all = new java.util.ArrayList<>();
        for (Map<String, Object> sets : List.of(
                Map.<String, Object>of("ingress.enabled", false, "networkPolicy.enabled", false, "token.enabled", false),
                Map.<String, Object>of("insee.enabled", false, "dgfip.enabled", false, "gateway.autoscaling.enabled", false),
                Map.<String, Object>of("serviceMonitor.enabled", true, "monitoring.prometheusRule.enabled", true, "podAntiAffinity", "hard", "image.flavour", "native",
                        "gateway.journal.persistence.enabled", true, "trace.sealTrustedPublicKeys[0]", "MCowBQYDK2VwAyEA"))) {
            List<ObjectNode> objects = ChartRenderer.parse(ChartRenderer.template(ChartRenderer.CHART, List.of(), sets));
            assertEquals(List.of(), SecurityRules.containerViolations(objects), sets::toString);
            assertEquals(List.of(), SecurityRules.inlineSecretViolations(objects), sets::toString);
            assertEquals(List.of(), UnknownFieldCheck.unknownFields(objects), sets::toString);
            all.addAll(objects);
        }
        assertEquals(List.of(), KubernetesSchemaValidator.validate(all));
    }

    @Test
    void committedManifestsConformToTheKubernetesSchemas() throws Exception {
        String committed = java.nio.file.Files.readString(ChartRenderer.RENDERED);
        assertEquals(List.of(), KubernetesSchemaValidator.validate(ChartRenderer.parse(committed)));
    }

    @Test
    void renderedObjectsHaveNoFieldUnknownToTheKubernetesApi() {
        assertEquals(List.of(), UnknownFieldCheck.unknownFields(ChartRenderer.parse(ChartRenderer.templateDefault())));
        assertEquals(List.of(), UnknownFieldCheck.unknownFields(ChartRenderer.parse(ChartRenderer.templateProduction())));
    }

    @Test
    void unknownFieldsAreReported() {
        List<ObjectNode> objects = ChartRenderer.parse(ChartRenderer.templateDefault());
        ObjectNode deployment = Manifests.workload(objects, "gateway").orElseThrow().deepCopy();
        // A misspelt security setting, silently ignored by a lenient validator.
        ((ObjectNode) Manifests.podTemplate(deployment).path("spec").path("containers").get(0).path("securityContext"))
                .put("readOnlyRootFileSystem", true);
        ObjectNode policy = Manifests.named(objects, "NetworkPolicy", "guichet-insee").deepCopy();
        ((ObjectNode) policy.path("spec")).put("podSelectr", "x");
        assertEquals(List.of(
                "Deployment/guichet-gateway: unknown field spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem",
                "NetworkPolicy/guichet-insee: unknown field spec.podSelectr"),
                UnknownFieldCheck.unknownFields(List.of(deployment, policy)));
    }

    @Test
    void schemaViolationsAreReported() {
        List<ObjectNode> objects = ChartRenderer.parse(ChartRenderer.templateDefault());
        ObjectNode deployment = Manifests.workload(objects, "gateway").orElseThrow().deepCopy();
        // A port given as text where the schema wants an integer.
        ((ObjectNode) Manifests.podTemplate(deployment).path("spec").path("containers").get(0).path("ports").get(0))
                .put("containerPort", "huit-mille");
        // A service port without its required port number.
        ObjectNode service = Manifests.named(objects, "Service", "guichet-token").deepCopy();
        ((ObjectNode) service.path("spec").path("ports").get(0)).remove("port");
        // A selector written as text instead of a label selector object.
        ObjectNode pdb = Manifests.named(objects, "PodDisruptionBudget", "guichet-trace").deepCopy();
        ((ObjectNode) pdb.path("spec")).put("selector", "component=trace");
        // A kind that does not exist.
        ObjectNode unknownKind = ChartRenderer.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Deploiement");
        unknownKind.putObject("metadata").put("name", "guichet-x");

        List<String> violations = KubernetesSchemaValidator.validate(List.of(deployment, service, pdb, unknownKind));

        assertEquals(4, violations.size(), () -> "expected one violation per object: " + violations);
        assertTrue(violations.get(0).contains("containerPort must be integer"), violations.get(0));
        assertTrue(violations.get(1).contains("must have required property 'port'")
                || violations.get(1).contains("must have required property port"), violations.get(1));
        assertTrue(violations.get(2).contains("selector must be object"), violations.get(2));
        assertTrue(violations.get(3).contains("no schema"), violations.get(3));
    }
}
