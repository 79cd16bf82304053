package fr.guichet.common.provider;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Locale;

/**
 * The properties every Guichet provider binds (docs/internal-contracts.md, "Gateway → providers").
 */
@ConfigMapping(prefix = "guichet.provider")
public interface ProviderConfig {

    /** {@code sandbox}: answers from API Entreprise's sandbox cases; {@code production}: calls the upstream. */
    @WithDefault("sandbox")
    Mode mode();

    /** The gateway's public base URL: base of {@code document_url} ({@code /proxy/files/{uuid}}) and links. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    enum Mode {
        SANDBOX, PRODUCTION;

        /** The value as written in configuration and reported by health checks. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
