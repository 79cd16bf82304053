package fr.guichet.education.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * MESRI, CNOUS and MEN through the kit's upstream clients (one pool, timeout, circuit breaker,
 * bulkhead and metrics each), with the kit's reading of a call that got no usable answer
 * ({@link UpstreamErrors}: timeout 504 {@code XX002}, unreachable or upstream 502/503 502
 * {@code XX001}...) and, for CNOUS and MEN, their OAuth2 tokens shared through Redis
 * ({@link SharedTokens}). Never logs a request or an answer: both carry identity data.
 * Blocking: worker threads only.
 */
@ApplicationScoped
public class UpstreamCalls {

    private final Upstreams upstreams;
    private final UpstreamsConfig config;
    private final SharedTokens tokens;
    private final ObjectMapper json;

    public UpstreamCalls(Upstreams upstreams, UpstreamsConfig config, SharedTokens tokens, ObjectMapper json) {
        this.upstreams = upstreams;
        this.config = config;
        this.tokens = tokens;
        this.json = json;
    }

    /**
     * Sends {@code request} (relative to the upstream's configured URL) and returns its answer,
     * whatever its status except 502, 503 and 504, which are the upstream's outage.
     *
     * @throws fr.guichet.common.error.ApiException 502 {@code XX006} without a configured URL, the kit's transport errors
     */
    public UpstreamResponse send(EducationUpstream upstream, UpstreamRequest request) {
        if (configuredUrl(upstream).isEmpty()) {
            throw upstream.notConfigured("guichet.upstream." + upstream.upstreamName() + ".url");
        }
        return upstream.send(upstreams, request);
    }

    /**
     * Sends the request {@code build} makes with a bearer token of {@code grant}; a token the
     * upstream refuses (401) is dropped and the call made once more with a new one.
     *
     * @throws fr.guichet.common.error.ApiException 502 {@code XX006} when the token endpoint refuses
     *         the platform's credentials, 502 {@code XX999} when it answers without a token, the
     *         transport errors of {@link #send}
     */
    public UpstreamResponse sendWithToken(EducationUpstream upstream, TokenGrant grant,
                                          Function<String, UpstreamRequest> build) {
        String token = token(upstream, grant);
        UpstreamResponse response = send(upstream, build.apply(token));
        if (response.status() == 401) {
            tokens.reject(grant, token);
            response = send(upstream, build.apply(token(upstream, grant)));
        }
        return response;
    }

    /**
     * The body of an answer as JSON, or 502 {@code XX999} when it is not JSON.
     */
    public JsonNode json(EducationUpstream upstream, UpstreamResponse response) {
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || body.isMissingNode()) {
                throw upstream.unknownAnswer();
            }
            return body;
        } catch (IOException e) {
            throw upstream.unknownAnswer();
        }
    }

    /** The upstream's base URL, when set. */
    public Optional<String> configuredUrl(EducationUpstream upstream) {
        return Optional.ofNullable(config.upstreams().get(upstream.upstreamName())).flatMap(UpstreamsConfig.Upstream::url);
    }

    private String token(EducationUpstream upstream, TokenGrant grant) {
        try {
            return tokens.token(upstreams.client(upstream.upstreamName()), grant);
        } catch (TokenEndpointFailure e) {
            throw e.status() == 400 || e.status() == 401 || e.status() == 403
                    ? upstream.notConfigured("guichet.education." + upstream.upstreamName() + ".client-*")
                    : upstream.unknownAnswer();
        } catch (UpstreamFailure e) {
            // The token endpoint has its own circuit in the kit; its outages read as the data call's would.
            throw UpstreamErrors.of(e, upstream.prefix(), upstream.providerName());
        }
    }
}
