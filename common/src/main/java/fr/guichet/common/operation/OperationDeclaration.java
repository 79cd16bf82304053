package fr.guichet.common.operation;

import fr.guichet.common.error.ProviderPrefix;
import java.util.List;
import java.util.Map;

/**
 * One data operation as declared once in {@code guichet/operations/<provider>.yml}: what the
 * gateway needs to route, authorise and throttle it, and what the provider needs to bind its
 * handler. Both sides read this record; neither re-derives it.
 *
 * @param id            the v3 operation id, shared by all versions for authorizations and throttle groups
 * @param provider      the provider key ({@code insee}: service {@code provider-insee}, gateway
 *                      setting {@code guichet.gateway.providers.insee.url})
 * @param errorPrefix   who failed, in error codes ({@code 01} INSEE, {@code 03} DGFIP...)
 * @param providerName  who failed, in words: {@code meta.provider} of the errors ({@code INSEE})
 * @param summary       one French line for the OpenAPI documents, or null
 * @param authorization key of {@code authorizations.yml} whose scopes open the operation, or null
 * @param scopeTemplate a scope computed from a path variable ({@code ensu_documents_{famille}_dgfip}), or null
 * @param throttle      throttle group when {@code throttle.yml} does not list the id, or null
 * @param identifier    the path variable naming the entity ({@code siren}, {@code siret}, {@code idsp}...)
 * @param document      the answer carries a {@code document_url} served by the gateway's {@code /proxy/files}
 * @param clientCertificate the partner must present a client certificate of its organisation
 * @param paths         one path per API version
 * @param api           {@value #ENTREPRISE} or {@value #PARTICULIER}: which API the operation belongs to
 *                      (a token of the other API is refused)
 * @param franceConnect the caller's Bearer is an end user's FranceConnect access token, not a Guichet token
 * @param masks         scope masking of the answer: JSON pointer in the body → scopes, any one of which
 *                      reveals it (from the reference serializers' {@code scope?} guards); empty: nothing masked
 * @param period        where the call's period lies (checked against the habilitation's open periods), or null
 */
public record OperationDeclaration(String id, String provider, ProviderPrefix errorPrefix, String providerName,
                                   String summary, String authorization,
                                   String scopeTemplate, String throttle, String identifier, boolean document,
                                   boolean clientCertificate, List<VersionedPath> paths, String api,
                                   boolean franceConnect, Map<String, List<String>> masks, OperationPeriod period) {

    /** API Entreprise: data about organisations (the default). */
    public static final String ENTREPRISE = "entreprise";
    /** API Particulier: data about individuals. */
    public static final String PARTICULIER = "particulier";

    /** An API Entreprise operation, without FranceConnect nor masks. */
    public OperationDeclaration(String id, String provider, ProviderPrefix errorPrefix, String providerName,
                                String summary, String authorization, String scopeTemplate, String throttle,
                                String identifier, boolean document, boolean clientCertificate, List<VersionedPath> paths) {
        this(id, provider, errorPrefix, providerName, summary, authorization, scopeTemplate, throttle, identifier,
                document, clientCertificate, paths, ENTREPRISE, false, Map.of(), null);
    }

    /** An operation without period. */
    public OperationDeclaration(String id, String provider, ProviderPrefix errorPrefix, String providerName,
                                String summary, String authorization, String scopeTemplate, String throttle,
                                String identifier, boolean document, boolean clientCertificate, List<VersionedPath> paths,
                                String api, boolean franceConnect, Map<String, List<String>> masks) {
        this(id, provider, errorPrefix, providerName, summary, authorization, scopeTemplate, throttle, identifier,
                document, clientCertificate, paths, api, franceConnect, masks, null);
    }

    public OperationDeclaration {
        api = api == null ? ENTREPRISE : api;
        masks = masks == null ? Map.of() : masks;
    }

    /** True for an API Particulier operation. */
    public boolean particulier() {
        return PARTICULIER.equals(api);
    }

    /**
     * One version of the operation.
     *
     * @param version     {@code v3}, {@code v4}
     * @param operationId the id of this version (traces, quotas, sandbox cases): {@code id} for v3,
     *                    otherwise {@code id} with {@code _v3_} replaced, unless declared
     * @param documentedId the {@code operationId} of the provider's OpenAPI document (default: {@code operationId})
     */
    public record VersionedPath(String version, String operationId, PathTemplate template, String documentedId) {
    }
}
