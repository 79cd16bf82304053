package fr.guichet.providerkit.operation;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call to an operation, as the kit hands it to a handler: the resolved operation and
 * version, the path variables, the query parameters and the caller's cache directive.
 *
 * @param cacheControl the partner's {@code Cache-Control}, passed on by the gateway, or null
 */
public record OperationCall(OperationDeclarations.Resolved operation, Map<String, List<String>> query,
                            String cacheControl) {

    /** The mandatory API Entreprise parameters: they trace the call and never select data. */
    static final Set<String> TRACING_PARAMETERS = Set.of("context", "object", "recipient", "token");

    /** The operation id of this version ({@code api_entreprise_v4_insee_unites_legales}). */
    public String operationId() {
        return operation.operationId();
    }

    public OperationDeclaration declaration() {
        return operation.declaration();
    }

    /** {@code v3}, {@code v4}. */
    public String version() {
        return operation.path().version();
    }

    /** A path variable ({@code siren}), or null. */
    public String variable(String name) {
        return operation.variables().get(name);
    }

    /** The value of the declared identifier variable ({@code siren}, {@code siret}...), or null. */
    public String identifier() {
        String name = declaration().identifier();
        return name == null ? null : variable(name);
    }

    /**
     * The parameters that select data, as API Entreprise's sandbox cases name them: the path
     * variables, then the query parameters except the tracing ones; {@code prenoms[]} is read as
     * {@code prenoms}.
     */
    public Map<String, List<String>> selectingParameters() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        operation.variables().forEach((k, v) -> params.put(k, List.of(v)));
        query.forEach((k, v) -> {
            String name = k.endsWith("[]") ? k.substring(0, k.length() - 2) : k;
            if (!TRACING_PARAMETERS.contains(name) && !params.containsKey(name)) {
                params.put(name, List.copyOf(v));
            }
        });
        return params;
    }

    /** The first value of a query parameter ({@code recipient}, {@code code_document}), or null. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
