package fr.guichet.providerkit.operation;

import fr.guichet.common.operation.OperationDeclaration;

/**
 * Which public API an operation belongs to. API Particulier's operations are matched in sandbox
 * mode by the rule of API Particulier's staging ({@link fr.guichet.providerkit.sandbox.ParticulierMatcher})
 * and their parameters (names, birth dates, identifiers of persons) are kept out of every log line
 * ({@link fr.guichet.providerkit.logging.PersonalDataRedaction}).
 */
public final class ApiKinds {

    /** The prefix of API Particulier's operation ids ({@code api_particulier_v3_cnav_quotient_familial_with_civility}). */
    public static final String PARTICULIER_PREFIX = "api_particulier_";

    private ApiKinds() {
    }

    /**
     * Whether the operation is an API Particulier one. Decided by the id's prefix, which the
     * official operation ids always carry; the declarations' file-level {@code api: particulier}
     * says the same thing.
     */
    public static boolean particulier(OperationDeclaration declaration) {
        return particulier(declaration.id());
    }

    /** Whether an operation id ({@code X-Guichet-Operation}) names an API Particulier operation. */
    public static boolean particulier(String operationId) {
        return operationId != null && operationId.startsWith(PARTICULIER_PREFIX);
    }
}
