package fr.guichet.acoss.client;

import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.acoss.error.Errors;
import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.upstream.SharedTokens;
import fr.guichet.providerkit.upstream.TokenEndpointFailure;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * OAuth2 client-credentials tokens of URSSAF and GIP-MDS (client credentials in the form, as
 * recorded), shared by every replica through the kit's {@link SharedTokens} under
 * {@link #KEY_PREFIX}{@code <upstream>} and dropped {@code guichet.acoss.token-refresh-margin}
 * before they expire. Token endpoint refusals become the upstream's errors: 429 x008 (31503 for
 * GIP-MDS), 503 x001, 5xx x000 (31502 for GIP-MDS), anything else x006; no token in the answer x999.
 */
@ApplicationScoped
public class OAuth2Tokens {

    public static final String KEY_PREFIX = "guichet:acoss:oauth2:";

    private final SharedTokens tokens;
    private final UpstreamHttp http;
    private final AcossConfig config;

    public OAuth2Tokens(SharedTokens tokens, UpstreamHttp http, AcossConfig config) {
        this.tokens = tokens;
        this.http = http;
        this.config = config;
    }

    /** A valid access token for {@code upstream}: the shared one, or a new one from {@code tokenUrl}. */
    public String token(Upstream upstream, String tokenUrl, String clientId, String clientSecret, Optional<String> scope) {
        try {
            return tokens.token(http.client(upstream), grant(upstream, tokenUrl, clientId, clientSecret, scope));
        } catch (UpstreamFailure e) {
            throw UpstreamHttp.transportError(upstream, e);
        } catch (TokenEndpointFailure e) {
            throw tokenFailure(upstream, e);
        }
    }

    /** Forgets {@code token} after the upstream answered 401 with it (unless a newer one replaced it). */
    public void evict(Upstream upstream, String token) {
        tokens.reject(grant(upstream, "", null, null, Optional.empty()), token);
    }

    public static String key(Upstream upstream) {
        return KEY_PREFIX + UpstreamHttp.name(upstream);
    }

    private TokenGrant grant(Upstream upstream, String tokenUrl, String clientId, String clientSecret,
                             Optional<String> scope) {
        return TokenGrant.clientCredentials(key(upstream), tokenUrl, TokenGrant.ClientAuth.POST, clientId, clientSecret,
                scope, config.tokenRefreshMargin());
    }

    private static ApiException tokenFailure(Upstream upstream, TokenEndpointFailure e) {
        int status = e.status();
        if (e.malformed()) {
            return upstream.failure(502, "999");
        }
        if (status == 429) {
            return upstream == Upstream.GIP_MDS
                    ? new ApiException(502, Errors.gipMds("31503"))
                    : upstream.failure(502, "008");
        }
        if (status == 503) {
            return upstream.failure(504, "001");
        }
        if (status >= 500 && upstream == Upstream.GIP_MDS) {
            return new ApiException(502, Errors.gipMds("31502"));
        }
        if (status >= 500) {
            return upstream.failure(502, "000");
        }
        return upstream.failure(502, "006");
    }
}
