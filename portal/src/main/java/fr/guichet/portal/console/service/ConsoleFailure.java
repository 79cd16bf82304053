package fr.guichet.portal.console.service;

import fr.guichet.portal.demarche.client.TokenServiceFailure;

/**
 * A console page or action token-service refused or could not serve; mapped by
 * {@code ConsoleFailureMapper} (an ended session goes back to the console's login page).
 */
public class ConsoleFailure extends RuntimeException {

    private final TokenServiceFailure failure;

    public ConsoleFailure(TokenServiceFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    /** What token-service answered. */
    public TokenServiceFailure failure() {
        return failure;
    }
}
