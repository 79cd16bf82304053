package fr.guichet.associations.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
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

    /** Data Subvention (DINUM's API of grants to associations). */
    DataSubvention dataSubvention();

    /** Settings of the Data Subvention upstream. */
    interface DataSubvention {

        /** Base URL ({@code <url>/auth/login}, {@code <url>/association/<id>/grants}). */
        Optional<String> url();

        /** The account's e-mail, sent to {@code /auth/login}. */
        Optional<String> email();

        /** The account's password, sent to {@code /auth/login}. */
        Optional<String> password();
    }

    /** Settings of the RNA upstream. */
    interface Mi {

        /** Base URL ({@code <url>/apim/api-asso-partenaires/api/structure/<id>}). */
        Optional<String> url();

        /** {@code X-Gravitee-Api-Key} issued by the ministry. */
        Optional<String> apiKey();

        /** How many of an association's documents are fetched and stored by one call. */
        @WithDefault("10")
        int documentsMaxCount();

        /** The largest document stored, in bytes; a larger one is answered as deficient. */
        @WithDefault("10485760")
        int documentsMaxBytes();

        /** How long a stored document stays behind its /proxy/files URL (API Entreprise: one day). */
        @WithDefault("P1D")
        Duration documentsTtl();
    }
}
