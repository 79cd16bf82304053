package fr.guichet.associations.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * provider-associations' own settings, {@code guichet.associations.*}: where each upstream is and
 * the credentials it issued. Timeouts, pool, circuit breaker and bulkhead are the kit's
 * {@code guichet.upstream.<name>.*}. Production only.
 */
@ConfigMapping(prefix = "guichet.associations")
public interface AssociationsConfig {

    /** The RNA of the ministère de l'Intérieur (API Asso partenaires, behind a Gravitee gateway). */
    Mi mi();

    /** Settings of the RNA upstream. */
    interface Mi {

        /** Base URL ({@code <url>/apim/api-asso-partenaires/api/structure/<id>}). */
        Optional<String> url();

        /** {@code X-Gravitee-Api-Key} issued by the ministry. */
        Optional<String> apiKey();
    }
}
