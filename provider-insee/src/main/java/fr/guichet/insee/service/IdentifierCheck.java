package fr.guichet.insee.service;

import fr.guichet.common.identifier.Siren;
import fr.guichet.common.identifier.Siret;
import fr.guichet.insee.error.InseeErrors;
import fr.guichet.insee.operation.InseeOperation.IdentifierKind;

/**
 * The gateway checks identifiers before calling; this is the provider's own guard, so that a
 * direct or misrouted call gets 422 00301/00302 rather than an upstream round trip.
 */
public final class IdentifierCheck {

    private IdentifierCheck() {
    }

    public static void require(IdentifierKind kind, String identifier) {
        boolean valid = switch (kind) {
            case SIREN -> Siren.isValid(identifier);
            case SIRET -> Siret.isValid(identifier);
        };
        if (!valid) {
            throw InseeErrors.badIdentifier(kind.parameter());
        }
    }
}
