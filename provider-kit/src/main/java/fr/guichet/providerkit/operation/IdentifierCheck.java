package fr.guichet.providerkit.operation;

import fr.guichet.common.identifier.Siren;
import fr.guichet.common.identifier.Siret;
import fr.guichet.providerkit.error.ProviderErrors;

/**
 * A provider's own check of a SIREN or SIRET (422 00301/00302), for when
 * {@code guichet.provider.check-identifiers} is on: the gateway checks every identifier before
 * calling, so in production this is not done twice.
 */
public final class IdentifierCheck {

    private IdentifierCheck() {
    }

    /** Checks the declared identifier of the call when it is a SIREN or a SIRET; others are the gateway's. */
    public static void require(OperationCall call) {
        String kind = call.declaration().identifier();
        String value = call.identifier();
        boolean valid = switch (kind == null ? "" : kind) {
            case "siren" -> Siren.isValid(value);
            case "siret" -> Siret.isValid(value);
            default -> true;
        };
        if (!valid) {
            throw ProviderErrors.badIdentifier(kind);
        }
    }
}
