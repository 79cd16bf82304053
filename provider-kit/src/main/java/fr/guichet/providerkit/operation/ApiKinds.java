package fr.guichet.providerkit.operation;

import fr.guichet.common.operation.OperationDeclaration;

/**
 * Which public API an operation belongs to. API Particulier's operations are matched in sandbox
 * mode by the rule of API Particulier's staging ({@link fr.guichet.providerkit.sandbox.ParticulierMatcher})
 * and their parameters (names, birth dates, identifiers of persons) are kept out of every log line
 * ({@link fr.guichet.providerkit.logging.PersonalDataRedaction}).
 */
public final class ApiKinds {

    private ApiKinds() {
    }

    /**
     * Whether the operation is an API Particulier one: the declaration's {@code api}
     * ({@code api: particulier} at file or operation level of {@code guichet/operations/<key>.yml}),
     * the same field the gateway checks a token's API against, so the kit and the gateway cannot
     * disagree on an operation.
     */
    public static boolean particulier(OperationDeclaration declaration) {
        return declaration.particulier();
    }
}
