package fr.guichet.gateway.catalogue;

import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.operation.OperationDeclaration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One data operation of the catalogue, in one API version.
 *
 * @param operationId   id in traces and quotas for this version (api_entreprise_v4_... for v4)
 * @param baseOperation the v3 id shared by both versions (authorizations, throttle groups)
 * @param scopes        any one of them opens the route; empty when {@code scopeTemplate} is used, or
 *                      when authorizations.yml lists none: then every valid token opens it (API
 *                      Entreprise's rule: an empty list restricts nothing, e.g. VIES)
 * @param scopeTemplate scope computed from a path variable ({@code ensu_documents_{famille}})
 * @param throttle      the group limit consumed by the call
 * @param api           {@code entreprise} or {@code particulier}: a token of the other API is refused (403 00100)
 * @param franceConnect the Bearer is an end user's FranceConnect access token
 * @param masks         API Particulier scope masking: JSON pointer of the answer → scopes, any one reveals it
 * @param parameters    API Particulier: the query parameters openapi-particulier.yaml gives the
 *                      operation (empty for API Entreprise, whose parameters are context/object/recipient)
 */
public record Route(String operationId, String baseOperation, String version, String template,
                    String provider, ProviderPrefix errorPrefix, Set<String> scopes, String scopeTemplate,
                    Throttle throttle, String identifier, boolean document, boolean clientCertificate,
                    List<String> variables, String api, boolean franceConnect, Map<String, List<String>> masks,
                    List<QueryParameter> parameters) {

    /** An API Entreprise route. */
    public Route(String operationId, String baseOperation, String version, String template,
                 String provider, ProviderPrefix errorPrefix, Set<String> scopes, String scopeTemplate,
                 Throttle throttle, String identifier, boolean document, boolean clientCertificate,
                 List<String> variables) {
        this(operationId, baseOperation, version, template, provider, errorPrefix, scopes, scopeTemplate, throttle,
                identifier, document, clientCertificate, variables, OperationDeclaration.ENTREPRISE, false, Map.of(), List.of());
    }

    /**
     * One query parameter of an API Particulier operation, as its OpenAPI declares it.
     *
     * @param name     the wire name ({@code nomNaissance}, {@code prenoms[]})
     * @param required the OpenAPI's {@code required}
     * @param array    a list ({@code prenoms[]=A&prenoms[]=B})
     */
    public record QueryParameter(String name, boolean required, boolean array) {
    }

    /** True for an API Particulier route. */
    public boolean particulier() {
        return OperationDeclaration.PARTICULIER.equals(api);
    }

    /** The declared parameter named {@code name}, if any. */
    public java.util.Optional<QueryParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** A quota: {@code limit} calls per {@code periodSeconds}; {@code key} names its counter. */
    public record Throttle(String group, String key, int limit, int periodSeconds) {
    }

    /** Whether a token holding {@code tokenScopes} may call this route with these path variables. */
    public boolean opensWith(Collection<String> tokenScopes, Map<String, String> pathVariables) {
        if (scopeTemplate == null && scopes.isEmpty()) {
            return true;
        }
        Set<String> required = requiredScopes(pathVariables);
        return tokenScopes.stream().anyMatch(required::contains);
    }

    /** Scopes that open this route for a call with these path variables. */
    public Set<String> requiredScopes(Map<String, String> pathVariables) {
        if (scopeTemplate == null) {
            return scopes;
        }
        String scope = scopeTemplate;
        for (Map.Entry<String, String> v : pathVariables.entrySet()) {
            scope = scope.replace("{" + v.getKey() + "}", v.getValue());
        }
        return Set.of(scope);
    }
}
