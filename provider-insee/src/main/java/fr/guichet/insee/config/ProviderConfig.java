package fr.guichet.insee.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Properties every Guichet provider binds (docs/internal-contracts.md, "Gateway → providers"). */
@ConfigMapping(prefix = "guichet.provider")
public interface ProviderConfig {

    /** {@code sandbox}: answers from the fixtures; {@code production}: calls INSEE. */
    @WithDefault("sandbox")
    Mode mode();

    /** The gateway's public URL: base of the {@code links} of the bodies. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    enum Mode {
        SANDBOX, PRODUCTION;
    }
}
