package fr.guichet.social.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The upstreams of provider-social in production mode. URLs and secrets are issued by each
 * administration and come from the environment; an upstream without them answers 502 {@code XX999}
 * and its readiness is DOWN.
 */
@ConfigMapping(prefix = "guichet.social")
public interface SocialConfig {

    /** PRO BTP: {@code <url>/ws_ext/rest/certauth/mpsservices/getStatutCotisation|getAttestationCotisation}. */
    Probtp probtp();

    /** CIBTP: {@code <url>/apientreprise/token} then {@code <url>/apientreprise/attestationmarche?siret=}. */
    Cibtp cibtp();

    /** CNETP: {@code <url>/webservice/doc/attestations/entreprises?id=&jeton=&siren=}. */
    Cnetp cnetp();

    /** Fabrique numérique des ministères sociaux: {@code <url>/<siret>}. */
    Fabrique fabrique();

    interface Probtp {
        Optional<String> url();

        /** Life of a stored attestation (API Entreprise: one day). */
        @WithDefault("P1D")
        Duration documentTtl();
    }

    interface Cibtp {
        Optional<String> url();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** Life of a stored certificate (API Entreprise: ten minutes). */
        @WithDefault("PT10M")
        Duration documentTtl();

        /** The shared token is dropped this long before it expires. */
        @WithDefault("PT5M")
        Duration tokenRefreshMargin();
    }

    interface Cnetp {
        Optional<String> url();

        /** The platform's client number at CNETP ({@code id} parameter). */
        Optional<String> clientNumber();

        /** The platform's token at CNETP ({@code jeton} parameter). */
        Optional<String> token();

        /** Life of a stored certificate (API Entreprise: one day). */
        @WithDefault("P1D")
        Duration documentTtl();
    }

    interface Fabrique {
        /** Base URL of the conventions collectives search, the SIRET appended as last path segment. */
        Optional<String> url();
    }
}
