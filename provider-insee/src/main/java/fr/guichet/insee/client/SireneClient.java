package fr.guichet.insee.client;

import fr.guichet.insee.config.InseeConfig;
import fr.guichet.insee.error.InseeErrors;
import fr.guichet.providerkit.upstream.SharedTokens;
import fr.guichet.providerkit.upstream.TokenEndpointFailure;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamClient;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Client of INSEE's Sirene API 3.11, on the kit's upstream {@value #CIRCUIT} (timeout, circuit
 * breaker, bulkhead, metrics: {@code guichet.upstream.insee-sirene.*}). Answers every HTTP status
 * as a {@link SireneResponse} except failures (timeout, network, 5xx, 429, 401), thrown as
 * {@link UpstreamFailure} with their 01xxx error; 5xx, 429 and network failures open the circuit
 * when INSEE keeps failing.
 */
@ApplicationScoped
public class SireneClient {

    /** The upstream's name: settings key, circuit breaker and metric tag. */
    public static final String CIRCUIT = "insee-sirene";
    /** Redis key of the OAuth2 token shared by the replicas. */
    static final String TOKEN_KEY = "guichet:insee:oauth-token";

    private final InseeConfig.Sirene config;
    private final SharedTokens tokens;
    private final UpstreamClient upstream;

    @Inject
    public SireneClient(InseeConfig config, SharedTokens tokens, Upstreams upstreams) {
        this(config, tokens, upstreams.client(CIRCUIT));
    }

    /** With a given upstream client ({@code tokens} may be null in API-key mode). */
    public SireneClient(InseeConfig config, SharedTokens tokens, UpstreamClient upstream) {
        this.config = config.sirene();
        this.tokens = tokens;
        this.upstream = upstream;
    }

    /** {@code GET base-url + pathAndQuery} (already encoded). */
    public SireneResponse get(String pathAndQuery) {
        SireneResponse response = send(pathAndQuery);
        UpstreamFailure failure = failureOf(response);
        if (failure != null) {
            throw failure;
        }
        return response;
    }

    private SireneResponse send(String pathAndQuery) {
        UpstreamRequest request = UpstreamRequest.get(config.baseUrl() + pathAndQuery)
                .withHeader("Accept", "application/json")
                .withMetricPath(pathAndQuery.replaceAll("\\?.*", "").replaceAll("\\d{9,14}", "{id}"));
        if (config.auth().mode() == InseeConfig.AuthMode.API_KEY) {
            Optional<String> key = config.auth().apiKey();
            return answer(call(key.isPresent() ? request.withHeader(config.auth().apiKeyHeader(), key.get()) : request));
        }
        TokenGrant grant = grant();
        String token = token(grant);
        UpstreamResponse response = call(request.withHeader("Authorization", "Bearer " + token));
        if (response.status() == 401) {
            // The shared token was revoked or expired early: one retry with a fresh one.
            tokens.reject(grant, token);
            response = call(request.withHeader("Authorization", "Bearer " + token(grant)));
        }
        return answer(response);
    }

    private UpstreamResponse call(UpstreamRequest request) {
        try {
            return upstream.call(request);
        } catch (fr.guichet.providerkit.upstream.UpstreamFailure e) {
            throw new UpstreamFailure(transportError(e));
        }
    }

    private String token(TokenGrant grant) {
        try {
            return tokens.token(upstream, grant);
        } catch (fr.guichet.providerkit.upstream.UpstreamFailure e) {
            throw new UpstreamFailure(transportError(e));
        } catch (TokenEndpointFailure e) {
            throw new UpstreamFailure(e.status() >= 500 ? InseeErrors.unavailable() : InseeErrors.authenticationFailure());
        }
    }

    private TokenGrant grant() {
        InseeConfig.Auth auth = config.auth();
        return new TokenGrant(TOKEN_KEY, auth.tokenUrl(), TokenGrant.ClientAuth.POST, auth.clientId().orElse(null),
                auth.clientSecret().orElse(null), Optional.empty(), auth.username(), auth.password(), auth.refreshMargin());
    }

    /** INSEE's mapping of a call without an answer: timeout 01002, unknown host 01004, anything else 01001. */
    static fr.guichet.common.error.ApiException transportError(fr.guichet.providerkit.upstream.UpstreamFailure e) {
        return switch (e.kind()) {
            case TIMEOUT -> InseeErrors.timeout();
            case DNS -> InseeErrors.dnsFailure();
            case CONNECT_TIMEOUT, UNREACHABLE, TLS, CIRCUIT_OPEN, BULKHEAD_FULL -> InseeErrors.unavailable();
        };
    }

    private static SireneResponse answer(UpstreamResponse response) {
        return new SireneResponse(response.status(), response.text(), response.header("Location"),
                response.header("Retry-After"));
    }

    private static UpstreamFailure failureOf(SireneResponse response) {
        int status = response.status();
        if (status == 429) {
            return new UpstreamFailure(InseeErrors.tooManyRequests(retryAfter(response)));
        }
        if (status == 503) {
            return new UpstreamFailure(InseeErrors.unavailable());
        }
        if (status == 504) {
            return new UpstreamFailure(InseeErrors.timeout());
        }
        if (status >= 500) {
            return new UpstreamFailure(InseeErrors.internalError());
        }
        if (status == 401) {
            return new UpstreamFailure(InseeErrors.authenticationFailure());
        }
        return null;
    }

    private static Long retryAfter(SireneResponse response) {
        try {
            return response.retryAfter().map(String::strip).map(Long::parseLong).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
