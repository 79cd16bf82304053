package fr.guichet.insee.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** INSEE Sirene upstream (production mode) and the response cache. */
@ConfigMapping(prefix = "guichet.insee")
public interface InseeConfig {

    Sirene sirene();

    Cache cache();

    Health health();

    interface Sirene {

        /** Base URL of Sirene 3.11, e.g. {@code https://api.insee.fr/api-sirene/prive/3.11}. */
        @WithDefault("https://api.insee.fr/api-sirene/prive/3.11")
        String baseUrl();

        @WithDefault("PT2S")
        Duration connectTimeout();

        /** Whole-response timeout: beyond it the caller gets 504 01002. */
        @WithDefault("PT10S")
        Duration readTimeout();

        Auth auth();
    }

    interface Auth {

        /** {@code oauth2} (token endpoint, token cached in Redis) or {@code api-key} (header). */
        @WithDefault("api-key")
        AuthMode mode();

        /** OAuth2 token endpoint, e.g. {@code https://api.insee.fr/token}. */
        @WithDefault("https://api.insee.fr/token")
        String tokenUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** Set both to use the password grant of INSEE's former portal instead of client credentials. */
        Optional<String> username();

        Optional<String> password();

        /** A token is renewed this long before it expires. */
        @WithDefault("PT60S")
        Duration refreshMargin();

        Optional<String> apiKey();

        @WithDefault("X-INSEE-Api-Key-Integration")
        String apiKeyHeader();
    }

    enum AuthMode {
        OAUTH2, API_KEY;
    }

    interface Cache {

        @WithDefault("true")
        boolean enabled();

        /** Lifetime of a cached answer; natural persons' data never stays longer. */
        @WithDefault("PT1H")
        Duration ttl();
    }

    interface Health {

        /** Number of most recent upstream calls the success ratio is computed on. */
        @WithDefault("100")
        int window();
    }
}
