package fr.guichet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Small accessors over rendered Kubernetes objects. */
final class Manifests {

    /** The services' short names, from services.yml (start order). */
    static final List<String> COMPONENTS = ServicesCatalog.read().names();
    /** The providers' short names, from services.yml. */
    static final List<String> PROVIDERS = ServicesCatalog.read().providers().stream().map(ServicesCatalog.Entry::name).toList();
    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicaSet");

    private Manifests() {
    }

    static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static boolean isWorkload(JsonNode o) {
        return WORKLOAD_KINDS.contains(kind(o));
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static Optional<ObjectNode> workload(List<ObjectNode> objects, String component) {
        return objects.stream().filter(o -> isWorkload(o) && ("guichet-" + component).equals(name(o))).findFirst();
    }

    /** The pod template (or the pod itself) of a workload. */
    static JsonNode podTemplate(JsonNode workload) {
        return switch (kind(workload)) {
            case "Pod" -> workload;
            case "CronJob" -> workload.path("spec").path("jobTemplate").path("spec").path("template");
            default -> workload.path("spec").path("template");
        };
    }

    static List<JsonNode> containers(JsonNode podSpec) {
        List<JsonNode> all = new ArrayList<>();
        for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
            podSpec.path(field).forEach(all::add);
        }
        return all;
    }

    static Map<String, String> labels(JsonNode metadata) {
        Map<String, String> labels = new TreeMap<>();
        metadata.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** Kubernetes label selector semantics: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        var matchLabels = selector.path("matchLabels").fields();
        while (matchLabels.hasNext()) {
            var e = matchLabels.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
