package fr.guichet.providerkit.upstream;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.error.UpstreamErrors;

/**
 * An administration a provider module calls, as the module's upstream enum names it: the kit's
 * upstream name (settings {@code guichet.upstream.<name>.*}, metric tag), the error prefix of the
 * API's error table ({@code errors.yml}) and the {@code meta.provider} of its errors (the
 * declaration's {@code provider_name}). The errors every such upstream raises are built here once.
 */
public interface NamedUpstream {

    /**
     * What names an upstream.
     *
     * @param upstreamName the kit's name of this upstream: its settings key and metric tag
     * @param prefix the two-digit prefix of this upstream's error codes
     * @param providerName the {@code meta.provider} of this upstream's errors
     */
    record Identity(String upstreamName, ProviderPrefix prefix, String providerName) {
    }

    /** This upstream's names. */
    Identity identity();

    /** The kit's name of this upstream: its settings key and metric tag. */
    default String upstreamName() {
        return identity().upstreamName();
    }

    /** The two-digit prefix of this upstream's error codes. */
    default ProviderPrefix prefix() {
        return identity().prefix();
    }

    /** The {@code meta.provider} of this upstream's errors. */
    default String providerName() {
        return identity().providerName();
    }

    /** A generic provider error of errors.yml ({@code subcode} 000, 001, 003, 999...) with {@code meta.provider}. */
    default ApiError error(String subcode) {
        return ErrorCatalogue.standard().providerError(prefix(), subcode).withMeta("provider", providerName());
    }

    /** {@link #error(String)} as the answer of the call, with its HTTP status. */
    default ApiException failure(int status, String subcode) {
        return new ApiException(status, error(subcode));
    }

    /** 404 {@code XX003} "Entité non trouvée" with the upstream's own wording of "nobody found". */
    default ApiException notFound(String detail) {
        return new ApiException(404, notFoundError(detail));
    }

    /** The 404 {@code XX003} error with this detail, for callers that add to its {@code meta}. */
    default ApiError notFoundError(String detail) {
        ApiError base = error("003");
        return new ApiError(base.code(), "Entité non trouvée", detail, null, base.meta());
    }

    /** The error of a call to this upstream that got no answer (timeout, refused connection, open circuit...). */
    default ApiException failure(UpstreamFailure failure) {
        return UpstreamErrors.of(failure, prefix(), providerName());
    }

    /** 502 {@code XX999}: an answer the adapter cannot read or does not expect. */
    default ApiException unknownAnswer() {
        return UpstreamErrors.unknownAnswer(prefix(), providerName());
    }

    /** 502 {@code XX006}: the platform holds no URL or credential for this upstream ({@code setting}). */
    default ApiException notConfigured(String setting) {
        return new ApiException(502, error("006")
                .withDetail("Guichet n'est pas configuré pour appeler ce fournisseur (" + setting + ")."));
    }

    /**
     * Sends {@code request} through the kit's client of this upstream (pool, timeout, circuit
     * breaker, bulkhead, metrics) and returns its answer whatever its status, except an upstream
     * 502/503/504, which is its outage. Blocking: worker threads only.
     *
     * @throws ApiException a call without answer or an outage, as {@link UpstreamErrors} classifies
     *         them: 504 {@code XX002}, 502 {@code XX001}, {@code XX004}, {@code XX009}
     */
    default UpstreamResponse send(Upstreams upstreams, UpstreamRequest request) {
        UpstreamResponse response;
        try {
            response = upstreams.client(upstreamName()).call(request);
        } catch (UpstreamFailure e) {
            throw failure(e);
        }
        if (response.status() == 502 || response.status() == 503 || response.status() == 504) {
            throw UpstreamErrors.ofStatus(response.status(), prefix(), providerName());
        }
        return response;
    }

    /**
     * Sends {@code request} with an OAuth2 access token of {@code grant} ({@code Authorization: Bearer}),
     * shared by the replicas through the kit's {@link SharedTokens}; a token the upstream refuses
     * (401) is dropped and the request sent once more with a new one. Blocking.
     *
     * @throws ApiException the errors of {@link #send}, and those of a token endpoint that does not
     *         give a token ({@link #tokenRefused})
     */
    default UpstreamResponse sendWithToken(Upstreams upstreams, SharedTokens tokens, TokenGrant grant, UpstreamRequest request) {
        String token = token(upstreams, tokens, grant);
        UpstreamResponse response = send(upstreams, request.withHeader("Authorization", "Bearer " + token));
        if (response.status() == 401) {
            tokens.reject(grant, token);
            response = send(upstreams, request.withHeader("Authorization", "Bearer " + token(upstreams, tokens, grant)));
        }
        return response;
    }

    private String token(Upstreams upstreams, SharedTokens tokens, TokenGrant grant) {
        try {
            return tokens.token(upstreams.client(upstreamName()), grant);
        } catch (UpstreamFailure e) {
            throw failure(e);
        } catch (TokenEndpointFailure e) {
            throw tokenRefused(e);
        }
    }

    /**
     * The token endpoint answered without a token: its outage (502/503 → 502 {@code XX001}, 504 →
     * 504 {@code XX002}) or 502 {@code XX999} (credentials refused, unreadable answer), logged by the kit.
     */
    default ApiException tokenRefused(TokenEndpointFailure failure) {
        return UpstreamErrors.ofStatus(failure.status(), prefix(), providerName());
    }

    /** 504 {@code XX002}: the upstream said it timed out itself. */
    default ApiException timeout() {
        return UpstreamErrors.ofStatus(504, prefix(), providerName());
    }
}
