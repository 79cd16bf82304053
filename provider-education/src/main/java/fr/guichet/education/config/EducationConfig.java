package fr.guichet.education.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Production settings of provider-education ({@code guichet.education.*}): the credentials MESRI,
 * CNOUS and MEN issued to the platform and the paths of their services. The upstreams' URLs,
 * timeouts and circuit breakers are the kit's ({@code guichet.upstream.<name>.*}, provider-kit/README.md).
 * A setting left unset makes the calls that need it fail with 502 {@code XX006}.
 */
@ConfigMapping(prefix = "guichet.education")
public interface EducationConfig {

    Mesri mesri();

    Cnous cnous();

    Men men();

    /** MESRI's student status service, at {@code guichet.upstream.mesri.url}: one API key per kind of call. */
    interface Mesri {
        /** {@code X-API-Key} of the calls by INE. */
        Optional<String> apiKeyIne();

        /** {@code X-API-Key} of the calls by identity (civility and FranceConnect). */
        Optional<String> apiKeyCivility();

        /** {@code X-Caller} sent with every call: who asks, as MESRI keeps it in its own journal. */
        @WithDefault("Guichet")
        String caller();
    }

    /** CNOUS's scholarship services, below {@code guichet.upstream.cnous.url}, behind an OAuth2 token (HTTP Basic client). */
    interface Cnous {
        Optional<String> tokenUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** Path of the search by INE (the INE is appended: {@code <path>/<ine>}). */
        Optional<String> inePath();

        /** Path of the search by identity (POST). */
        Optional<String> civilityPath();

        /** Path of the search by FranceConnect identity (GET with a JSON body). */
        Optional<String> franceConnectPath();

        /** A token is dropped this long before it expires. */
        @WithDefault("PT1M")
        Duration tokenRefreshMargin();
    }

    /** MEN's scolarités service (v2) at {@code guichet.upstream.men.url}, behind an OAuth2 token (client in the form). */
    interface Men {
        Optional<String> tokenUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** A token is dropped this long before it expires (MEN's live 300 s). */
        @WithDefault("PT30S")
        Duration tokenRefreshMargin();
    }
}
