package fr.guichet.providerkit.operation;

import java.util.Set;

/**
 * A provider's code for some of its declared operations, bound by operation id: the kit's
 * {@link OperationResource} receives every call, resolves its operation (the gateway's
 * {@code X-Guichet-Operation}, else the declared path templates) and calls the bean that lists
 * it. No handler writes a {@code @Path}: paths live in the declarations only.
 *
 * <p>In sandbox mode the kit answers from the sandbox cases itself, unless
 * {@link #answersSandbox()}; an operation that only has sandbox cases needs no handler.
 */
public interface OperationHandler {

    /** Declared operation ids (the v3 {@code id} of {@code guichet/operations/<provider>.yml}): all their versions come here. */
    Set<String> operations();

    /**
     * Answers one call.
     *
     * @throws fr.guichet.common.error.ApiException for any answer that is an API Entreprise error
     */
    ProviderAnswer handle(OperationCall call);

    /** True when this handler also answers in sandbox mode (e.g. to store a sandbox document). */
    default boolean answersSandbox() {
        return false;
    }
}
