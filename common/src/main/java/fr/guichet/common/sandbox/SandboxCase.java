package fr.guichet.common.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One sandbox case in API Entreprise's format ({@code params}, {@code status}, {@code payload}):
 * the call parameters it answers, and its status and body verbatim.
 *
 * @param file the case's path below its root, {@code OPERATION/name.yaml}
 * @param operationId the operation it belongs to: the first folder of {@code file}
 * @param params the parameters as text; an array parameter (API Particulier's {@code prenoms})
 *        is its values joined with {@code ","}
 * @param values every parameter as its list of values (a scalar is a list of one), for the
 *        array parameters that {@code params} flattens
 */
public record SandboxCase(String file, String operationId, Map<String, String> params,
                          Map<String, List<String>> values, int status, String payload) {

    /** A case whose parameters are all scalars. */
    public SandboxCase(String file, String operationId, Map<String, String> params, int status, String payload) {
        this(file, operationId, params, scalars(params), status, payload);
    }

    private static Map<String, List<String>> scalars(Map<String, String> params) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> values.put(k, List.of(v)));
        return Map.copyOf(values);
    }
}
