package fr.guichet.acoss.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Upstreams of this adapter: URSSAF (attestation de vigilance) and GIP-MDS (effectifs). */
@ConfigMapping(prefix = "guichet.acoss")
public interface AcossConfig {

    /** Life of a stored attestation PDF in Redis; also the {@code expires_in} returned to callers. */
    @WithDefault("PT24H")
    Duration documentTtl();

    /** Cached upstream OAuth2 tokens are dropped this long before they expire, so none is used stale. */
    @WithDefault("PT5M")
    Duration tokenRefreshMargin();

    @WithDefault("PT3S")
    Duration connectTimeout();

    Urssaf urssaf();

    /** Everything production needs to call URSSAF. */
    default boolean urssafConfigured() {
        return urssaf().url().isPresent() && urssaf().clientId().isPresent() && urssaf().clientSecret().isPresent();
    }

    /** Everything production needs to call GIP-MDS. */
    default boolean gipMdsConfigured() {
        return gipMds().url().isPresent() && gipMds().clientId().isPresent() && gipMds().clientSecret().isPresent()
                && gipMds().codeDemandeur().isPresent();
    }

    @WithName("gip-mds")
    GipMds gipMds();

    interface Urssaf {
        /** Base URL of URSSAF's API (token at /api/oauth/v1/token, demands at /attn/entreprise/v1/...), given by URSSAF. */
        Optional<String> url();

        Optional<String> clientId();

        Optional<String> clientSecret();

        @WithDefault("attn.api_entreprise")
        String scope();

        /** Identifier of the requesting platform at URSSAF ({@code idClient} of the demand). */
        @WithDefault("1")
        String idClient();

        @WithDefault("PT10S")
        Duration readTimeout();
    }

    interface GipMds {
        /** Base URL of GIP-MDS (token at /token, effectifs at /rcd-api/1.0.0/effectifs), given by GIP-MDS. */
        Optional<String> url();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** The platform's code as a requesting body (codeOPSDemandeur), issued by GIP-MDS. */
        Optional<String> codeDemandeur();

        @WithDefault("PT6S")
        Duration readTimeout();
    }
}
