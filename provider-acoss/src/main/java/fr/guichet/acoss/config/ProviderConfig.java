package fr.guichet.acoss.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The provider contract shared by every Guichet adapter (docs/internal-contracts.md). */
@ConfigMapping(prefix = "guichet.provider")
public interface ProviderConfig {

    /** {@code sandbox} answers from fixtures; {@code production} calls URSSAF and GIP-MDS. */
    @WithDefault("sandbox")
    Mode mode();

    /** The gateway's public base URL, for {@code document_url} ({@code /proxy/files/{uuid}}). */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    enum Mode {
        sandbox, production
    }
}
