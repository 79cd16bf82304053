package fr.guichet.cnav.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Production settings of provider-cnav ({@code guichet.cnav.*}): CNAV's token endpoint and, per
 * prestation of its DSS exchange, the URL and the OAuth2 client CNAV issued for it (the reference
 * implementation holds one client per prestation). The upstream's base URL, timeouts and circuit
 * breaker are the kit's ({@code guichet.upstream.cnav.*}, provider-kit/README.md). A setting left
 * unset makes that prestation's calls fail with 502 {@code 37006}.
 */
@ConfigMapping(prefix = "guichet.cnav")
public interface CnavConfig {

    /** CNAV's OAuth2 token endpoint (client credentials, client authenticated in HTTP Basic). */
    Optional<String> tokenUrl();

    /** A shared token is dropped this long before it expires, so that it is never sent stale. */
    @WithDefault("PT60S")
    Duration tokenRefreshMargin();

    /** By name of CNAV's exchange ({@code quotient_familial_v2}, {@code prime_activite}...). */
    Map<String, Prestation> prestations();

    /** One prestation of CNAV's exchange. */
    interface Prestation {
        /** Its URL: absolute, or relative to {@code guichet.upstream.cnav.url}. */
        Optional<String> url();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** The OAuth2 scope to ask for, when CNAV gives one. */
        Optional<String> scope();
    }
}
