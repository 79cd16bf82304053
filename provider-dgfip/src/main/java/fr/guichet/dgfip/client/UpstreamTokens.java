package fr.guichet.dgfip.client;

import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.providerkit.upstream.SharedTokens;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DGFIP's OAuth2 client-credentials grant (RFC 6749 §4.4, client authenticated with HTTP Basic,
 * over the same mutual TLS as the data calls), its token shared by every replica through the
 * kit's {@link SharedTokens} under {@link #KEY} and renewed {@code refresh-margin} before it
 * expires.
 */
@ApplicationScoped
public class UpstreamTokens {

    public static final String KEY = "guichet:dgfip:oauth:access_token";

    private final SharedTokens tokens;
    private final DgfipConfig.OAuth config;

    public UpstreamTokens(SharedTokens tokens, DgfipConfig config) {
        this.tokens = tokens;
        this.config = config.oauth();
    }

    /**
     * A valid access token, fetched through {@code client} when none is shared.
     *
     * @throws fr.guichet.common.error.ApiException 502 03006 when credentials are not configured
     */
    public String accessToken(UpstreamClient client, String provider) {
        return tokens.token(client, grant(provider));
    }

    /** DGFIP refused {@code token} (revoked, rotated): forget it. */
    public void evict(String token) {
        tokens.reject(grant(null), token);
    }

    private TokenGrant grant(String provider) {
        String clientId = config.clientId().orElseThrow(() -> DgfipErrors.authenticationFailed(provider,
                "Identifiants OAuth2 DGFIP non configurés (guichet.dgfip.oauth.client-id)."));
        return TokenGrant.clientCredentials(KEY, config.tokenUrl(), TokenGrant.ClientAuth.BASIC, clientId,
                config.clientSecret().orElse(""), config.scope(), config.refreshMargin());
    }
}
