package fr.guichet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Renders and lints the Guichet chart with the Helm library embedded by helm-java. */
final class ChartRenderer {

    static final String RELEASE = "guichet";
    static final String NAMESPACE = "guichet";
    /** Oldest Kubernetes version the chart supports (Chart.yaml kubeVersion). */
    static final String KUBE_VERSION = "1.25.0";

    static final Path DEPLOY_DIR = Paths.get(System.getProperty("guichet.deploy.dir", ".")).toAbsolutePath();
    static final Path WORK_DIR = Paths.get(System.getProperty("guichet.deploy.work", "target")).toAbsolutePath();
    static final Path CHART = DEPLOY_DIR.resolve("helm/guichet");
    static final Path PRODUCTION_VALUES = CHART.resolve("ci/production-values.yaml");
    /** What every install must say (the chart has no default for it), relative to a chart folder. */
    static final String SANDBOX_VALUES = "ci/sandbox-values.yaml";
    static final Path RENDERED = DEPLOY_DIR.resolve("k8s/guichet.yaml");

    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private ChartRenderer() {
    }

    static LintResult lint(Path chart, Path... valuesFiles) {
        // LintCommand has no values option: lint a copy whose values.yaml holds the overrides.
        Path target = valuesFiles.length == 0 ? chart : copyWithValues(chart, valuesFiles);
        return new Helm(target).lint().strict().call();
    }

    /** helm template over the chart's {@link #SANDBOX_VALUES}, then these values files and sets. */
    static String template(Path chart, List<Path> valuesFiles, Map<String, Object> sets) {
        List<Path> all = new ArrayList<>();
        all.add(chart.resolve(SANDBOX_VALUES));
        all.addAll(valuesFiles);
        return templateWithoutBase(chart, all, sets);
    }

    /** helm template with the chart's values.yaml and only these values files and sets. */
    static String templateWithoutBase(Path chart, List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand cmd = new Helm(chart).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path values : valuesFiles) {
            cmd = cmd.withValuesFile(values);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            cmd = cmd.set(set.getKey(), set.getValue());
        }
        return cmd.call();
    }

    static String templateDefault() {
        return template(CHART, List.of(), Map.of());
    }

    static String templateProduction() {
        return template(CHART, List.of(PRODUCTION_VALUES), Map.of());
    }

    /** Parses a multi-document YAML stream into its non-empty objects. */
    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml);
             MappingIterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc instanceof ObjectNode object && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    /** Copies the chart into target/ so that a test can break or re-value it without touching the original. */
    static Path copyChart(String name) {
        return copyChart(CHART, name);
    }

    private static Path copyChart(Path chart, String name) {
        Path copy = WORK_DIR.resolve("charts").resolve(name).resolve("guichet");
        try {
            if (Files.exists(copy)) {
                try (Stream<Path> walk = Files.walk(copy)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> walk = Files.walk(chart)) {
                for (Path source : (Iterable<Path>) walk::iterator) {
                    Path dest = copy.resolve(chart.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(source, dest);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    private static Path copyWithValues(Path chart, Path... valuesFiles) {
        Path copy = copyChart(chart, "lint-" + chart.getParent().getFileName() + "-" + valuesFiles[valuesFiles.length - 1].getFileName());
        try {
            ObjectNode merged = (ObjectNode) YAML.readTree(chart.resolve("values.yaml").toFile());
            for (Path values : valuesFiles) {
                merge(merged, (ObjectNode) YAML.readTree(values.toFile()));
            }
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** Helm's merge rule for values files: maps merge, everything else replaces. */
    private static void merge(ObjectNode base, ObjectNode override) {
        override.fields().forEachRemaining(e -> {
            JsonNode current = base.get(e.getKey());
            if (current instanceof ObjectNode currentObject && e.getValue() instanceof ObjectNode next) {
                merge(currentObject, next);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        });
    }
}
