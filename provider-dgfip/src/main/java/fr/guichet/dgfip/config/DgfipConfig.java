package fr.guichet.dgfip.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** DGFIP-specific settings: upstream endpoints and security, documents (maintenance windows: the kit's). */
@ConfigMapping(prefix = "guichet.dgfip")
public interface DgfipConfig {

    Upstream upstream();

    OAuth oauth();

    Documents documents();

    RetryIn retryIn();

    interface Upstream {
        /** Base URL of DGFIP's API Entreprise services (attestations, chiffres d'affaires, liasses). */
        @WithDefault("https://api.dgfip.invalid/entreprise/v1")
        String baseUrl();

        /** Base URL of the ENSU DOCUMENTS API (see docs/ensu-documents.md). */
        @WithDefault("https://api.dgfip.invalid/ensu/v1")
        String ensuBaseUrl();

        /** Name of the Quarkus TLS registry entry holding the client certificate and trust store. */
        @WithDefault("dgfip")
        String tlsConfigurationName();

        @WithDefault("10S")
        Duration timeout();

        @WithDefault("5S")
        Duration connectTimeout();
    }

    interface OAuth {
        /** RFC 6749 §4.4 token endpoint. */
        @WithDefault("https://api.dgfip.invalid/token")
        String tokenUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        Optional<String> scope();

        /** The cached token is renewed this long before it expires. */
        @WithDefault("60S")
        Duration refreshMargin();
    }

    interface Documents {
        /** Lifetime of a stored PDF and of its {@code /proxy/files/{uuid}} URL. */
        @WithDefault("24H")
        Duration ttl();
    }

    interface RetryIn {
        /** Suggested wait after an upstream timeout or unavailability, in seconds. */
        @WithDefault("30")
        long unavailable();

        /** Wait after an upstream 429 without a usable Retry-After header, in seconds. */
        @WithDefault("60")
        long rateLimited();
    }
}
