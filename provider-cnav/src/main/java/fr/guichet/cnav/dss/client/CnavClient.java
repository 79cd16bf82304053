package fr.guichet.cnav.dss.client;

import fr.guichet.cnav.config.CnavConfig;
import fr.guichet.cnav.error.CnavErrors;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.error.UpstreamErrors;
import fr.guichet.providerkit.upstream.SharedTokens;
import fr.guichet.providerkit.upstream.TokenEndpointFailure;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.providerkit.upstream.UpstreamsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * CNAV's DSS exchange as the reference implementation calls it ({@code CNAV::Authenticate},
 * {@code CNAV::MakeRequest}): an OAuth2 token of the prestation's own client (client credentials,
 * HTTP Basic, shared by the replicas through Redis under {@code guichet:cnav:oauth:<prestation>}),
 * then {@code GET <prestation url>?<civility>} with {@code Authorization: Bearer},
 * {@code X-Correlation-ID} (the call's request id) and {@code X-APIPART-FSFINAL} (the recipient's
 * SIRET: CNAV records who receives the data). A token CNAV refuses (401) is dropped and asked for
 * again once.
 *
 * <p>Transport failures are the kit's classification with CNAV's prefix: a timeout 504
 * {@code 37002}, an unreachable upstream 502 {@code 37001}... The token endpoint's refusal (401,
 * 403) is 502 {@code 37006}, its other answers 502 {@code 37999}. Blocking: worker threads only.
 */
@ApplicationScoped
public class CnavClient {

    /** The kit's name of the upstream: settings {@code guichet.upstream.cnav.*}, metric tag. */
    public static final String UPSTREAM = "cnav";
    static final String TOKEN_KEY_PREFIX = "guichet:cnav:oauth:";

    private final Upstreams upstreams;
    private final UpstreamsConfig upstreamsConfig;
    private final SharedTokens tokens;
    private final CnavConfig config;

    public CnavClient(Upstreams upstreams, UpstreamsConfig upstreamsConfig, SharedTokens tokens, CnavConfig config) {
        this.upstreams = upstreams;
        this.upstreamsConfig = upstreamsConfig;
        this.tokens = tokens;
        this.config = config;
    }

    /**
     * CNAV's answer for {@code prestation}, whatever its HTTP status (what a 404 means is the caller's
     * business).
     *
     * @param query     CNAV's query parameters (civility, and the period for the quotient familial)
     * @param requestId the call's {@code X-Request-ID}, sent as {@code X-Correlation-ID}
     * @param recipient the SIRET of the administration receiving the data
     * @throws fr.guichet.common.error.ApiException 502 37006 when not configured, the transport errors above
     */
    public UpstreamResponse fetch(Prestation prestation, Map<String, String> query, String requestId, String recipient) {
        CnavConfig.Prestation settings = config.prestations().get(prestation.exchangeName());
        String url = settings == null ? null : settings.url().orElse(null);
        if (url == null || (!url.startsWith("http") && baseUrl().isEmpty())) {
            throw CnavErrors.notConfigured("guichet.cnav.prestations." + prestation.exchangeName() + ".url");
        }
        TokenGrant grant = grant(prestation, settings);
        UpstreamRequest request = UpstreamRequest.get(url).withQuery(query)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Correlation-ID", requestId)
                .withHeader("X-APIPART-FSFINAL", recipient == null ? "" : recipient)
                .withMetricPath("/" + prestation.exchangeName());
        String token = token(grant);
        UpstreamResponse response = send(request, token);
        if (response.status() == 401) {
            tokens.reject(grant, token);
            response = send(request, token(grant));
        }
        return response;
    }

    /** Whether the token endpoint and at least one prestation (URL and client) are configured. */
    public boolean configured() {
        return config.tokenUrl().isPresent() && config.prestations().values().stream()
                .anyMatch(p -> p.url().isPresent() && p.clientId().isPresent() && p.clientSecret().isPresent());
    }

    private UpstreamResponse send(UpstreamRequest request, String token) {
        try {
            return upstreams.client(UPSTREAM).call(request.withHeader("Authorization", "Bearer " + token));
        } catch (UpstreamFailure e) {
            throw UpstreamErrors.of(e, ProviderPrefix.CNAV, CnavErrors.PROVIDER);
        }
    }

    private String token(TokenGrant grant) {
        try {
            return tokens.token(upstreams.client(UPSTREAM), grant);
        } catch (TokenEndpointFailure e) {
            throw e.status() == 401 || e.status() == 403 ? CnavErrors.notConfigured("guichet.cnav.prestations.*.client-id")
                    : CnavErrors.unknownAnswer();
        } catch (UpstreamFailure e) {
            // The token endpoint has its own circuit in the kit; its outages read as the data call's would.
            throw UpstreamErrors.of(e, ProviderPrefix.CNAV, CnavErrors.PROVIDER);
        }
    }

    private TokenGrant grant(Prestation prestation, CnavConfig.Prestation settings) {
        String setting = "guichet.cnav.prestations." + prestation.exchangeName() + ".";
        String tokenUrl = config.tokenUrl().orElseThrow(() -> CnavErrors.notConfigured("guichet.cnav.token-url"));
        String clientId = settings.clientId().orElseThrow(() -> CnavErrors.notConfigured(setting + "client-id"));
        String clientSecret = settings.clientSecret().orElseThrow(() -> CnavErrors.notConfigured(setting + "client-secret"));
        return TokenGrant.clientCredentials(TOKEN_KEY_PREFIX + prestation.exchangeName(), tokenUrl,
                TokenGrant.ClientAuth.BASIC, clientId, clientSecret, settings.scope(), config.tokenRefreshMargin());
    }

    private Optional<String> baseUrl() {
        return Optional.ofNullable(upstreamsConfig.upstream(UPSTREAM)).flatMap(UpstreamsConfig.Upstream::url);
    }
}
