package fr.guichet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The security properties every rendered object must keep. Each rule returns the list of
 * violations (empty when the objects comply), so tests can prove a rule also catches a bad object.
 */
final class SecurityRules {

    /** Names that must never carry a literal value (environment variables, ConfigMap keys). */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE|CREDENTIAL|SALT|API_?KEY|_KEY$|^KEY$).*");

    /** True for a name that must never carry a literal value; token-service's name and the token issuer do not count. */
    static boolean looksSecret(String name) {
        String n = name.toUpperCase().replace('-', '_').replace('.', '_')
                .replace("GUICHET_TOKEN_", "").replace("TOKEN_SERVICE", "").replace("TOKEN_ISSUER", "");
        return SECRET_NAME.matcher(n).matches();
    }

    private SecurityRules() {
    }

    /** Every container non-root, read-only root file system, no escalation, no capability, seccomp RuntimeDefault. */
    static List<String> containerViolations(List<ObjectNode> objects) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode workload : objects) {
            if (!Manifests.isWorkload(workload)) {
                continue;
            }
            String where = Manifests.kind(workload) + "/" + Manifests.name(workload);
            JsonNode podSpec = Manifests.podTemplate(workload).path("spec");
            JsonNode podSc = podSpec.path("securityContext");
            for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (podSpec.path(hostField).asBoolean(false)) {
                    violations.add(where + ": " + hostField + " is true");
                }
            }
            for (JsonNode container : Manifests.containers(podSpec)) {
                String c = where + " container " + container.path("name").asText();
                JsonNode sc = container.path("securityContext");
                boolean nonRoot = effective(sc, podSc, "runAsNonRoot").asBoolean(false);
                JsonNode user = effective(sc, podSc, "runAsUser");
                if (!nonRoot) {
                    violations.add(c + ": runAsNonRoot is not true");
                }
                if (user.isMissingNode() && !nonRoot) {
                    violations.add(c + ": no runAsUser, image user would apply");
                }
                if (!user.isMissingNode() && user.asLong(-1) <= 0) {
                    violations.add(c + ": runs as user " + user.asText());
                }
                JsonNode group = effective(sc, podSc, "runAsGroup");
                if (!group.isMissingNode() && group.asLong(-1) <= 0) {
                    violations.add(c + ": runs as group " + group.asText());
                }
                if (sc.path("privileged").asBoolean(false)) {
                    violations.add(c + ": privileged");
                }
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    violations.add(c + ": allowPrivilegeEscalation is not false");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    violations.add(c + ": root file system is writable");
                }
                boolean dropsAll = false;
                for (JsonNode drop : sc.path("capabilities").path("drop")) {
                    dropsAll |= "ALL".equals(drop.asText());
                }
                if (!dropsAll) {
                    violations.add(c + ": capabilities not dropped (drop: [ALL])");
                }
                if (sc.path("capabilities").path("add").size() > 0) {
                    violations.add(c + ": adds capabilities " + sc.path("capabilities").path("add"));
                }
                if (!"RuntimeDefault".equals(effective(sc, podSc, "seccompProfile").path("type").asText())) {
                    violations.add(c + ": seccomp profile is not RuntimeDefault");
                }
            }
        }
        return violations;
    }

    /** Every pod is selected by a default-deny policy (no rules) and by a policy that opens its flows. */
    static List<String> networkPolicyViolations(List<ObjectNode> objects) {
        List<String> violations = new ArrayList<>();
        List<ObjectNode> policies = Manifests.ofKind(objects, "NetworkPolicy");
        for (ObjectNode policy : policies) {
            // A rule without peers opens the port to every source or destination.
            for (String direction : List.of("ingress", "egress")) {
                String peers = "ingress".equals(direction) ? "from" : "to";
                for (JsonNode rule : policy.path("spec").path(direction)) {
                    if (rule.path(peers).isEmpty()) {
                        violations.add("NetworkPolicy/" + Manifests.name(policy) + ": an " + direction
                                + " rule without '" + peers + "' allows everything");
                    }
                }
            }
        }
        for (ObjectNode workload : objects) {
            if (!Manifests.isWorkload(workload)) {
                continue;
            }
            String where = Manifests.kind(workload) + "/" + Manifests.name(workload);
            Map<String, String> labels = Manifests.labels(Manifests.podTemplate(workload).path("metadata"));
            boolean denyIngress = false;
            boolean denyEgress = false;
            boolean covered = false;
            for (ObjectNode policy : policies) {
                JsonNode spec = policy.path("spec");
                if (!Manifests.selects(spec.path("podSelector"), labels)) {
                    continue;
                }
                covered = true;
                List<String> types = new ArrayList<>();
                spec.path("policyTypes").forEach(t -> types.add(t.asText()));
                denyIngress |= types.contains("Ingress") && spec.path("ingress").isEmpty();
                denyEgress |= types.contains("Egress") && spec.path("egress").isEmpty();
            }
            if (!covered) {
                violations.add(where + ": no NetworkPolicy selects its pods");
            }
            if (!denyIngress || !denyEgress) {
                violations.add(where + ": no default-deny NetworkPolicy (Ingress and Egress) selects its pods");
            }
        }
        return violations;
    }

    /** No Secret object in the chart and no secret-looking value inline (env values, ConfigMaps). */
    static List<String> inlineSecretViolations(List<ObjectNode> objects) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode o : objects) {
            String where = Manifests.kind(o) + "/" + Manifests.name(o);
            if ("Secret".equals(Manifests.kind(o))) {
                violations.add(where + ": the chart must reference existing Secrets, not create one");
            }
            if ("ConfigMap".equals(Manifests.kind(o))) {
                o.path("data").fields().forEachRemaining(e -> {
                    if (looksSecret(e.getKey())) {
                        violations.add(where + ": secret-looking key " + e.getKey() + " in a ConfigMap");
                    }
                    if (e.getValue().asText().matches("(?s).*://[^/@\\s]*:[^/@\\s]+@.*")) {
                        violations.add(where + ": credentials inside the URL of " + e.getKey());
                    }
                });
            }
            if (Manifests.isWorkload(o)) {
                for (JsonNode container : Manifests.containers(Manifests.podTemplate(o).path("spec"))) {
                    for (JsonNode env : container.path("env")) {
                        String name = env.path("name").asText();
                        if (looksSecret(name) && !env.path("valueFrom").has("secretKeyRef")) {
                            violations.add(where + ": env " + name + " is not read from a Secret");
                        }
                    }
                }
            }
        }
        return violations;
    }

    private static JsonNode effective(JsonNode container, JsonNode pod, String field) {
        return container.has(field) ? container.path(field) : pod.path(field);
    }
}
