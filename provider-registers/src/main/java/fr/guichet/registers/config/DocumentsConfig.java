package fr.guichet.registers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Documents this adapter hands to the gateway ({@code /proxy/files/{uuid}}, the kit's DocumentStore). */
@ConfigMapping(prefix = "guichet.registers.documents")
public interface DocumentsConfig {

    /** How long a stored document stays downloadable (Redis TTL). */
    @WithDefault("PT24H")
    Duration ttl();
}
