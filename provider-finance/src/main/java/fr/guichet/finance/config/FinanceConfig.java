package fr.guichet.finance.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * provider-finance's own settings, {@code guichet.finance.*}: where each upstream is and the
 * credentials it issued. Timeouts, pool, circuit breaker and bulkhead are the kit's
 * {@code guichet.upstream.<name>.*} (provider-kit/README.md). Production only: sandbox mode
 * needs none of them.
 */
@ConfigMapping(prefix = "guichet.finance")
public interface FinanceConfig {

    /** The customs' EORI service (DGDDI). */
    Douanes douanes();

    /** The European Commission's VIES VAT number check. */
    Vies vies();

    /** The Banque de France's balance sheets (bilans). */
    BanqueDeFrance banqueDeFrance();

    /** Settings of the Banque de France's balance sheets. */
    interface BanqueDeFrance {

        /** Base URL of the lookups: {@code <url>/<siren>}. */
        Optional<String> url();
    }

    /** Settings of the VIES check. */
    interface Vies {

        /** Base URL of the checks: {@code <url>/<key and SIREN>} (the French VAT number without {@code FR}). */
        Optional<String> url();
    }

    /** Settings of the customs' EORI service. */
    interface Douanes {

        /** Base URL of the EORI lookups: {@code <url>/<siret_or_eori>?idClient=...}. */
        Optional<String> url();

        /** {@code idClient}, the client id the customs issued to the platform. */
        Optional<String> clientId();
    }
}
