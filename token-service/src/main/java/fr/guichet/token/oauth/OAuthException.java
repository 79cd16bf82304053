package fr.guichet.token.oauth;

/** A token endpoint failure answered with an RFC 6749 error body. */
public class OAuthException extends RuntimeException {

    private final int status;
    private final OAuthError error;
    private final boolean basicChallenge;
    private final Long retryAfter;

    OAuthException(int status, String error, String description, boolean basicChallenge, Long retryAfter) {
        this(status, new OAuthError(error, description), basicChallenge, retryAfter);
    }

    private OAuthException(int status, OAuthError error, boolean basicChallenge, Long retryAfter) {
        super(error.error(), null, false, false);
        this.status = status;
        this.error = error;
        this.basicChallenge = basicChallenge;
        this.retryAfter = retryAfter;
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description, false, null);
    }

    static OAuthException invalidClient(boolean basic) {
        return new OAuthException(401, "invalid_client",
                "Authentification du client impossible : client inconnu, secret invalide ou client révoqué.", basic, null);
    }

    static OAuthException unsupportedGrantType(String grant) {
        return new OAuthException(400, "unsupported_grant_type",
                "Seul le type d'autorisation « client_credentials » est pris en charge (reçu : « " + grant + " »).", false, null);
    }

    static OAuthException invalidScope(String description) {
        return new OAuthException(400, "invalid_scope", description, false, null);
    }

    static OAuthException unauthorizedClient(String description) {
        return new OAuthException(400, "unauthorized_client", description, false, null);
    }

    static OAuthException throttled(long retryAfter) {
        return new OAuthException(429, "temporarily_unavailable",
                "Trop de tentatives d'authentification échouées. Réessayez dans " + retryAfter + " secondes.", false, retryAfter);
    }

    /**
     * 429: the habilitation already holds {@code max} live access tokens ({@code 00808}); the
     * client should reuse the one it has until it expires.
     */
    static OAuthException tooManyAccessTokens(int max, long retryAfter) {
        String detail = "Cette habilitation détient déjà " + max + " jetons d'accès en cours de validité : "
                + "réutilisez-les jusqu'à leur expiration. Réessayez dans " + retryAfter + " secondes.";
        return new OAuthException(429, new OAuthError("temporarily_unavailable", detail,
                java.util.List.of(fr.guichet.token.error.TokenErrors.tooManyAccessTokensError(detail, retryAfter))),
                false, retryAfter);
    }

    public int status() {
        return status;
    }

    public OAuthError error() {
        return error;
    }

    public boolean basicChallenge() {
        return basicChallenge;
    }

    public Long retryAfter() {
        return retryAfter;
    }
}
