package fr.guichet.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict field check, as the API server's strict field validation does: every field of a
 * rendered object must exist in the Kubernetes API type. The fabric8 models (generated from
 * the Kubernetes OpenAPI specification) keep unknown fields aside in "additionalProperties";
 * any such field is reported with its path.
 */
final class UnknownFieldCheck {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Map<String, String> TYPES = Map.of(
            "v1/ConfigMap", "io.fabric8.kubernetes.api.model.ConfigMap",
            "v1/Service", "io.fabric8.kubernetes.api.model.Service",
            "v1/ServiceAccount", "io.fabric8.kubernetes.api.model.ServiceAccount",
            "apps/v1/Deployment", "io.fabric8.kubernetes.api.model.apps.Deployment",
            "apps/v1/StatefulSet", "io.fabric8.kubernetes.api.model.apps.StatefulSet",
            "networking.k8s.io/v1/NetworkPolicy", "io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy",
            "networking.k8s.io/v1/Ingress", "io.fabric8.kubernetes.api.model.networking.v1.Ingress",
            "policy/v1/PodDisruptionBudget", "io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget",
            "autoscaling/v2/HorizontalPodAutoscaler", "io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler");

    private UnknownFieldCheck() {
    }

    /** Unknown fields, as "Kind/name: path"; kinds without a typed model here (CRDs) are left to the schema validation. */
    static List<String> unknownFields(List<ObjectNode> objects) {
        List<String> found = new ArrayList<>();
        for (ObjectNode o : objects) {
            String type = TYPES.get(o.path("apiVersion").asText() + "/" + Manifests.kind(o));
            if (type == null) {
                continue;
            }
            String where = Manifests.kind(o) + "/" + Manifests.name(o);
            try {
                Object model = MAPPER.treeToValue(o, Class.forName(type));
                walk(model, "", where, found, new IdentityHashMap<>());
            } catch (Exception e) {
                found.add(where + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return found;
    }

    private static void walk(Object node, String path, String where, List<String> found, IdentityHashMap<Object, Boolean> seen) throws Exception {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", where, found, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), where, found, seen);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = m.invoke(node);
            if ("getAdditionalProperties".equals(m.getName())) {
                if (value instanceof Map<?, ?> extra) {
                    for (Object key : extra.keySet()) {
                        found.add(where + ": unknown field " + (path.isEmpty() ? "" : path.substring(1) + ".") + key);
                    }
                }
                continue;
            }
            String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            walk(value, path + "." + field, where, found, seen);
        }
    }
}
