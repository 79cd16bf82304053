package fr.guichet.status.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Production settings of provider-status ({@code guichet.status.*}): the URLs and credentials each
 * administration issued to the platform. Timeouts, pools and circuit breakers are the kit's
 * ({@code guichet.upstream.<name>.*}, provider-kit/README.md). A setting left unset makes that
 * upstream's calls fail with 502 {@code XX006}.
 */
@ConfigMapping(prefix = "guichet.status")
public interface StatusConfig {

    FranceTravail franceTravail();

    Dsnj dsnj();

    Sdh sdh();

    /** France Travail (ex Pôle emploi): OAuth2 client credentials, then its two services. */
    interface FranceTravail {
        /** OAuth2 token endpoint (client credentials, {@code client_secret_post}). */
        Optional<String> tokenUrl();

        /** "Statut augmenté": {@code POST} of the identifiant. */
        Optional<String> statutUrl();

        /** "Liste des paiements": {@code GET ?loginMnemotechnique=<identifiant>}. */
        Optional<String> indemnitesUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /**
         * First part of the {@code X-pe-consommateur} header, {@code "<consumer> - <recipient>"}: who
         * asks, for which organisation (the SIRET the partner gave as {@code recipient}).
         */
        @WithDefault("Guichet")
        String consumer();

        /** A token is dropped this long before it expires (France Travail's live about 25 minutes). */
        @WithDefault("PT60S")
        Duration tokenRefreshMargin();
    }

    /** The DSNJ's national service status: one URL and the bearer token it issued to the platform. */
    interface Dsnj {
        Optional<String> url();

        Optional<String> token();
    }

    /** The sports ministry's athletes service: OAuth2 client credentials, then one URL per athlete. */
    interface Sdh {
        /** OAuth2 token endpoint (client credentials, {@code client_secret_post}, no scope). */
        Optional<String> tokenUrl();

        /** Base URL of the athletes: {@code GET <url>/<identifiant>}. */
        Optional<String> url();

        Optional<String> clientId();

        Optional<String> clientSecret();

        @WithDefault("PT60S")
        Duration tokenRefreshMargin();
    }
}
