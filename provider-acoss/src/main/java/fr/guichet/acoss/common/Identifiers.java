package fr.guichet.acoss.common;

import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.acoss.error.Errors;
import fr.guichet.common.identifier.Siren;
import fr.guichet.common.identifier.Siret;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks of the path and query parameters. The gateway checks them first; the adapter checks again
 * because it must never send a malformed identifier upstream. The sandbox's made-up identifiers
 * ({@code 000000001}...) are not Luhn-valid, so the checksum is only enforced in production.
 */
@ApplicationScoped
public class Identifiers {

    private final ProviderConfig provider;

    public Identifiers(ProviderConfig provider) {
        this.provider = provider;
    }

    public void siren(String siren) {
        if (siren == null || !siren.matches("\\d{9}") || (production() && !Siren.isValid(siren))) {
            throw Errors.invalidParameter("00301", "siren");
        }
    }

    public void siret(String siret) {
        if (siret == null || !siret.matches("\\d{14}") || (production() && !Siret.isValid(siret))) {
            throw Errors.invalidParameter("00302", "siret");
        }
    }

    public void recipient(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            throw Errors.invalidParameter("00203", "recipient");
        }
        if (!recipient.matches("\\d{14}") || (production() && !Siret.isValid(recipient))) {
            throw Errors.invalidParameter("00210", "recipient");
        }
    }

    public void year(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            throw Errors.invalidParameter("00307", "year");
        }
    }

    public void month(String month) {
        if (month == null || !month.matches("0[1-9]|1[0-2]")) {
            throw Errors.invalidParameter("00305", "month");
        }
    }

    /** {@code profondeur}: 0 to 12 months before the chosen one (the OpenAPI's bounds). */
    public Integer depth(String profondeur) {
        if (profondeur == null || profondeur.isBlank()) {
            return null;
        }
        if (!profondeur.matches("\\d{1,2}") || Integer.parseInt(profondeur) > 12) {
            throw Errors.invalidParameter("00390", "profondeur");
        }
        return Integer.parseInt(profondeur);
    }

    private boolean production() {
        return provider.mode() == ProviderConfig.Mode.PRODUCTION;
    }
}
