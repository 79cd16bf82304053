package fr.guichet.certifications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Production settings of provider-certifications ({@code guichet.certifications.*}): the
 * credentials each certifying body issued to the platform. The upstreams' URLs, timeouts and
 * circuit breakers are the kit's ({@code guichet.upstream.<name>.*}, provider-kit/README.md).
 * A credential left unset makes that upstream's calls fail with 502 {@code XX006}.
 */
@ConfigMapping(prefix = "guichet.certifications")
public interface CertificationsConfig {

    /** ADEME's open data API (RGE history). */
    Ademe ademe();

    Qualibat qualibat();

    /** OPQIBI has no credential: its URL is enough. */
    Fntp fntp();

    CarifOref carifOref();

    /** Lifetime of the documents handed to the gateway's {@code /proxy/files} (seconds = {@code expires_in}). */
    @WithDefault("PT24H")
    Duration documentTtl();

    interface Ademe {
        /** {@code X-Apikey} of data.ademe.fr. */
        Optional<String> apiKey();

        /** {@code Referer} sent with each call, as ADEME's key is bound to it (the platform's public URL). */
        @WithDefault("https://entreprise.api.gouv.fr")
        String referer();

        /** Certificates asked for at most ({@code size}, 1 to 1000, API Entreprise's default 1000). */
        @WithDefault("1000")
        int size();
    }

    interface Qualibat {
        /** Qualibat's user, sent in HTTP Basic to its token endpoint. */
        Optional<String> username();

        Optional<String> password();
    }

    interface Fntp {
        /** {@code token} query parameter of FNTP's professional card service. */
        Optional<String> token();
    }

    interface CarifOref {
        /** {@code Token-Connexion} header of the CARIF-OREF's Quiforme API. */
        Optional<String> token();
    }
}
