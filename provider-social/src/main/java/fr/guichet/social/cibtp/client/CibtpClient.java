package fr.guichet.social.cibtp.client;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.upstream.SharedTokens;
import fr.guichet.providerkit.upstream.TokenEndpointFailure;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.social.client.UpstreamCalls;
import fr.guichet.social.config.SocialConfig;
import fr.guichet.social.error.UpstreamErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * CIBTP's API as recorded: a token from {@code POST <url>/apientreprise/token} (JSON body
 * {@code client_id}, {@code client_secret}; shared by the replicas through Redis), then
 * {@code GET <url>/apientreprise/attestationmarche?siret=} with {@code Authorization: Bearer}, which
 * answers the certificate PDF. A refused token (401) is dropped and asked again once.
 */
@ApplicationScoped
public class CibtpClient {

    /** The kit's named upstream ({@code guichet.upstream.cibtp.*}). */
    public static final String UPSTREAM = "cibtp";
    static final String TOKEN_KEY = "guichet:social:cibtp:token";
    private static final Logger LOG = Logger.getLogger(CibtpClient.class);

    private final UpstreamCalls calls;
    private final Upstreams upstreams;
    private final SharedTokens tokens;
    private final SocialConfig config;

    public CibtpClient(UpstreamCalls calls, Upstreams upstreams, SharedTokens tokens, SocialConfig config) {
        this.calls = calls;
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.config = config;
    }

    /**
     * CIBTP's answer to the certificate request, whatever its status (the handler reads it).
     *
     * @throws fr.guichet.common.error.ApiException 502 {@code 38006} when no token is obtained,
     *         503 {@code 38001}, 504 {@code 38002} and the other failures of {@link UpstreamCalls}
     */
    public UpstreamResponse attestation(OperationDeclaration operation, String siret) {
        String base = UpstreamCalls.required(config.cibtp().url(), "guichet.social.cibtp.url", operation);
        TokenGrant grant = TokenGrant.clientCredentials(TOKEN_KEY, base + "/apientreprise/token", TokenGrant.ClientAuth.JSON,
                UpstreamCalls.required(config.cibtp().clientId(), "guichet.social.cibtp.client-id", operation),
                UpstreamCalls.required(config.cibtp().clientSecret(), "guichet.social.cibtp.client-secret", operation),
                Optional.empty(), config.cibtp().tokenRefreshMargin());
        UpstreamRequest request = UpstreamRequest.get(base + "/apientreprise/attestationmarche")
                .withQuery(Map.of("siret", siret)).withMetricPath("/apientreprise/attestationmarche");
        String token = token(operation, grant);
        UpstreamResponse response = calls.call(UPSTREAM, request.withHeader("Authorization", "Bearer " + token), operation);
        if (response.status() == 401) {
            tokens.reject(grant, token);
            token = token(operation, grant);
            response = calls.call(UPSTREAM, request.withHeader("Authorization", "Bearer " + token), operation);
            if (response.status() == 401) {
                LOG.error("CIBTP refused a fresh token");
                throw UpstreamErrors.failure(operation, 502, "006");
            }
        }
        return response;
    }

    private String token(OperationDeclaration operation, TokenGrant grant) {
        try {
            return tokens.token(upstreams.client(UPSTREAM), grant);
        } catch (UpstreamFailure failure) {
            throw UpstreamErrors.of(operation, failure);
        } catch (TokenEndpointFailure failure) {
            LOG.errorf("CIBTP token endpoint: HTTP %d", failure.status());
            throw UpstreamErrors.failure(operation, 502, "006");
        }
    }
}
