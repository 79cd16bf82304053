package fr.guichet.portal.session;

/**
 * A signed-in partner: the partner session JWT token-service issued for the magic link (sent as
 * bearer to its {@code /me/...} API, which decides what the person sees), the person's e-mail and
 * organisation's SIRET (for display), and the session's end in epoch seconds.
 */
public record PartnerSession(String accessToken, String email, String siret, long expiresAt) {

    /** The {@code Authorization} header value for token-service. */
    public String bearer() {
        return "Bearer " + accessToken;
    }
}
