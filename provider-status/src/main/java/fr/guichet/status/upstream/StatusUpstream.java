package fr.guichet.status.upstream;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.error.UpstreamErrors;
import fr.guichet.providerkit.upstream.SharedTokens;
import fr.guichet.providerkit.upstream.TokenEndpointFailure;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import java.util.Map;

/**
 * The administrations this adapter calls in production mode: the kit's upstream name (settings
 * {@code guichet.upstream.<name>.*}, metric tag), the error prefix and the {@code meta.provider}
 * of their errors (as in status.yml and the sandbox cases).
 */
public enum StatusUpstream {
    FRANCE_TRAVAIL("france_travail", ProviderPrefix.FRANCE_TRAVAIL, "France Travail"),
    DSNJ("dsnj", ProviderPrefix.DSNJ, "DSNJ"),
    SDH("sdh", ProviderPrefix.SDH, "SDH");

    private final String upstreamName;
    private final ProviderPrefix prefix;
    private final String providerName;

    StatusUpstream(String upstreamName, ProviderPrefix prefix, String providerName) {
        this.upstreamName = upstreamName;
        this.prefix = prefix;
        this.providerName = providerName;
    }

    /** The kit's name of this upstream. */
    public String upstreamName() {
        return upstreamName;
    }

    /**
     * Sends {@code request} through the kit's client of this upstream (pool, timeout, circuit
     * breaker, bulkhead, metrics) and returns its answer whatever its status, except an upstream
     * 502/503/504, which is its outage. Blocking: worker threads only.
     *
     * @throws ApiException a call without answer or an outage, as {@link UpstreamErrors} classifies
     *         them: 504 {@code XX002}, 502 {@code XX001}, {@code XX004}, {@code XX009}
     */
    public UpstreamResponse send(Upstreams upstreams, UpstreamRequest request) {
        UpstreamResponse response;
        try {
            response = upstreams.client(upstreamName).call(request);
        } catch (UpstreamFailure e) {
            throw failure(e);
        }
        if (response.status() == 502 || response.status() == 503 || response.status() == 504) {
            throw UpstreamErrors.ofStatus(response.status(), prefix, providerName);
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
    public UpstreamResponse sendWithToken(Upstreams upstreams, SharedTokens tokens, TokenGrant grant, UpstreamRequest request) {
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
            return tokens.token(upstreams.client(upstreamName), grant);
        } catch (UpstreamFailure e) {
            throw failure(e);
        } catch (TokenEndpointFailure e) {
            throw tokenRefused(e);
        }
    }

    /** The error of a call to this upstream that got no answer (timeout, refused connection, open circuit...). */
    public ApiException failure(UpstreamFailure failure) {
        return UpstreamErrors.of(failure, prefix, providerName);
    }

    /**
     * The token endpoint answered without a token: its outage (502/503 → 502 {@code XX001}, 504 →
     * 504 {@code XX002}) or 502 {@code XX999} (credentials refused, unreadable answer), logged by the kit.
     */
    public ApiException tokenRefused(TokenEndpointFailure failure) {
        return UpstreamErrors.ofStatus(failure.status(), prefix, providerName);
    }

    /** 404 {@code XX003} with the upstream's own wording of "nobody found". */
    public ApiException notFound(String detail) {
        return new ApiException(404, new ApiError(prefix.code("003"), "Entité non trouvée", detail, null,
                Map.of("provider", providerName)));
    }

    /** 504 {@code XX002}: the upstream said it timed out itself. */
    public ApiException timeout() {
        return UpstreamErrors.ofStatus(504, prefix, providerName);
    }

    /** 502 {@code XX999}: an answer that cannot be read or was not expected. */
    public ApiException unknownAnswer() {
        return UpstreamErrors.unknownAnswer(prefix, providerName);
    }

    /** 502 {@code XX006}: the platform holds no URL or credential for this upstream ({@code setting}). */
    public ApiException notConfigured(String setting) {
        return new ApiException(502, ErrorCatalogue.standard().providerError(prefix, "006")
                .withDetail("Guichet n'est pas configuré pour appeler ce fournisseur (" + setting + ").")
                .withMeta("provider", providerName));
    }
}
