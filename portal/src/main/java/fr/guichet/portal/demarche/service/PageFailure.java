package fr.guichet.portal.demarche.service;

import fr.guichet.portal.demarche.client.TokenServiceFailure;

/** A partner page that cannot be shown: token-service's refusal or absence, with the message to show. */
public class PageFailure extends RuntimeException {

    private final TokenServiceFailure failure;

    public PageFailure(TokenServiceFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    public TokenServiceFailure failure() {
        return failure;
    }

    /** A démarche or token this person may not see: shown exactly like one that does not exist. */
    public static PageFailure notFound() {
        return new PageFailure(new TokenServiceFailure(404, "Cette démarche n'existe pas ou vous n'en êtes pas contact."));
    }
}
