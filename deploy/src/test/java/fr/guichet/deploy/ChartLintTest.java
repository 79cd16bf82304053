package fr.guichet.deploy;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** helm lint --strict and helm template, with default and production-like values. */
class ChartLintTest {

    @Test
    void lintStrictPassesWithTheLeastAnInstallMustSay() {
        LintResult result = ChartRenderer.lint(ChartRenderer.CHART, ChartRenderer.CHART.resolve(ChartRenderer.SANDBOX_VALUES));
        assertFalse(result.isFailed(), () -> "helm lint --strict: " + result.getMessages());
    }

    @Test
    void lintStrictPassesWithProductionValues() {
        LintResult result = ChartRenderer.lint(ChartRenderer.CHART, ChartRenderer.CHART.resolve(ChartRenderer.SANDBOX_VALUES),
                ChartRenderer.PRODUCTION_VALUES);
        assertFalse(result.isFailed(), () -> "helm lint --strict: " + result.getMessages());
    }

    @Test
    void templateRendersEveryServiceWithBothValueSets() {
        for (String yaml : List.of(ChartRenderer.templateDefault(), ChartRenderer.templateProduction())) {
            var objects = ChartRenderer.parse(yaml);
            for (String component : Manifests.COMPONENTS) {
                String name = "guichet-" + component;
                assertTrue(objects.stream().anyMatch(o -> Manifests.isWorkload(o) && name.equals(Manifests.name(o))),
                        "no workload " + name);
                assertTrue(objects.stream().anyMatch(o -> "Service".equals(Manifests.kind(o)) && name.equals(Manifests.name(o))),
                        "no Service " + name);
            }
        }
    }

    @Test
    void brokenTemplateFailsLintAndTemplate() throws Exception {
        Path broken = ChartRenderer.copyChart("broken-template");
        Path services = broken.resolve("templates/services.yaml");
        // An unterminated action, as a careless edit would leave it.
        Files.writeString(services, Files.readString(services).replace("{{- end }}\n{{- end }}", "{{- end }}\n{{- end"));
        LintResult result = ChartRenderer.lint(broken);
        assertTrue(result.isFailed(), () -> "lint accepted a broken template: " + result.getMessages());
        assertTrue(result.getMessages().toString().contains("services.yaml"), () -> result.getMessages().toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChartRenderer.template(broken, List.of(), Map.of()));
        assertTrue(e.getMessage().contains("parse error at (guichet/templates/services.yaml"), e.getMessage());
    }

    @Test
    void brokenYamlOutputFailsLint() throws Exception {
        Path broken = ChartRenderer.copyChart("broken-yaml");
        Path pdb = broken.resolve("templates/pdb.yaml");
        // Valid template syntax, invalid YAML once rendered (bad indentation).
        Files.writeString(pdb, Files.readString(pdb).replace("spec:\n  minAvailable", "spec:\n minAvailable"));
        LintResult result = ChartRenderer.lint(broken, broken.resolve(ChartRenderer.SANDBOX_VALUES));
        assertTrue(result.isFailed(), () -> "lint accepted a template that renders invalid YAML: " + result.getMessages());
        assertTrue(result.getMessages().toString().contains("pdb.yaml"), () -> result.getMessages().toString());
    }

    @Test
    void valuesSchemaRejectsRootUserAndUnknownFlavour() {
        IllegalStateException root = assertThrows(IllegalStateException.class, () -> ChartRenderer.template(ChartRenderer.CHART,
                List.of(), Map.of("containerSecurityContext.runAsUser", 0)));
        assertTrue(root.getMessage().contains("/containerSecurityContext/runAsUser"), root.getMessage());
        assertThrows(IllegalStateException.class, () -> ChartRenderer.template(ChartRenderer.CHART, List.of(),
                Map.of("podSecurityContext.runAsNonRoot", false)));
        assertThrows(IllegalStateException.class, () -> ChartRenderer.template(ChartRenderer.CHART, List.of(),
                Map.of("gateway.image.flavour", "graal")));
        assertThrows(IllegalStateException.class, () -> ChartRenderer.template(ChartRenderer.CHART, List.of(),
                Map.of("incident.cutProviders[0]", "unknown")));
    }
}
