package fr.guichet.certifications.qualibat.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.certifications.config.CertificationsConfig;
import fr.guichet.certifications.upstream.CertificationUpstream;
import fr.guichet.certifications.upstream.UpstreamCalls;
import fr.guichet.providerkit.upstream.SharedTokens;
import fr.guichet.providerkit.upstream.TokenEndpointFailure;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Qualibat's certificate service as recorded: a token from {@code POST <url>/token} with the
 * platform's credentials in HTTP Basic (shared through Redis by the kit's {@link SharedTokens},
 * key {@code guichet:qualibat:token}), then {@code GET <url>/certificat/<siret>} with the bearer
 * token; the certificate is a PDF. Qualibat says "not certified" with a 200 JSON body
 * {@code {"status_code":404,...}} (recorded) or a 404. A token refused (401) is dropped and
 * asked for again once.
 */
@ApplicationScoped
public class QualibatClient {

    private static final CertificationUpstream UPSTREAM = CertificationUpstream.QUALIBAT;
    static final String TOKEN_KEY = "guichet:qualibat:token";

    private final UpstreamCalls calls;
    private final Upstreams upstreams;
    private final SharedTokens tokens;
    private final CertificationsConfig config;
    private final ObjectMapper json;

    public QualibatClient(UpstreamCalls calls, Upstreams upstreams, SharedTokens tokens, CertificationsConfig config,
                          ObjectMapper json) {
        this.calls = calls;
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.config = config;
        this.json = json;
    }

    /**
     * The PDF certificate of {@code siret}.
     *
     * @throws fr.guichet.common.error.ApiException 404 06003 when Qualibat does not certify it,
     *         502 06000 on its 500, 502 06999 for any other answer (an empty or non-PDF file included),
     *         502 06006 when the token endpoint refuses the credentials, the transport errors of {@link UpstreamCalls}
     */
    public byte[] certificate(String siret) {
        TokenGrant grant = grant();
        String token = token(grant);
        UpstreamResponse response = fetch(siret, token);
        if (response.status() == 401) {
            tokens.reject(grant, token);
            response = fetch(siret, token(grant));
        }
        if (response.status() == 500) {
            throw UPSTREAM.failure(502, "000");
        }
        if (response.status() == 404 || saysNotFound(response.body())) {
            throw UPSTREAM.notFound();
        }
        return UpstreamCalls.pdf(UPSTREAM, response);
    }

    private UpstreamResponse fetch(String siret, String token) {
        return calls.send(UPSTREAM, UpstreamRequest.get("/certificat/" + siret)
                .withHeader("Accept", "*/*")
                .withHeader("Authorization", "Bearer " + token)
                .withMetricPath("/certificat/{siret}"));
    }

    private String token(TokenGrant grant) {
        try {
            return tokens.token(upstreams.client(UPSTREAM.upstreamName()), grant);
        } catch (TokenEndpointFailure e) {
            throw e.status() == 401 || e.status() == 403 ? UpstreamCalls.notConfigured(UPSTREAM, "guichet.certifications.qualibat.*")
                    : UPSTREAM.unknownAnswer();
        } catch (UpstreamFailure e) {
            // The token endpoint has its own circuit in the kit; its outages read as the data call's would.
            boolean late = e.kind() == UpstreamFailure.Kind.TIMEOUT || e.kind() == UpstreamFailure.Kind.CONNECT_TIMEOUT;
            throw late ? UPSTREAM.failure(504, "002") : UPSTREAM.failure(502, "001");
        }
    }

    private TokenGrant grant() {
        String url = calls.configuredUrl(UPSTREAM)
                .orElseThrow(() -> UpstreamCalls.notConfigured(UPSTREAM, "guichet.upstream.qualibat.url"));
        String username = config.qualibat().username()
                .orElseThrow(() -> UpstreamCalls.notConfigured(UPSTREAM, "guichet.certifications.qualibat.username"));
        String password = config.qualibat().password()
                .orElseThrow(() -> UpstreamCalls.notConfigured(UPSTREAM, "guichet.certifications.qualibat.password"));
        return TokenGrant.clientCredentials(TOKEN_KEY, url + "/token", TokenGrant.ClientAuth.BASIC, username, password,
                Optional.empty(), Duration.ofMinutes(1));
    }

    /** Qualibat's JSON "not certified" ({@code status_code} 404) sent with a 200. */
    private boolean saysNotFound(byte[] body) {
        if (body == null || body.length == 0 || body[0] != '{') {
            return false;
        }
        try {
            JsonNode node = json.readTree(body);
            return node.path("status_code").asInt() == 404;
        } catch (IOException e) {
            return false;
        }
    }
}
