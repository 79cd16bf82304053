package fr.guichet.portal.console.session;

/**
 * A signed-in operator: token-service's operator session JWT (sent as bearer to its admin API,
 * which decides what the operator may do), the operator's e-mail and role ({@code admin} or
 * {@code auditor}, for display and to hide the action buttons), and the session's end in epoch
 * seconds.
 */
public record OperatorSession(String accessToken, String email, String role, long expiresAt) {

    /** The role that may act; any other only reads. */
    public static final String ADMIN = "admin";

    /** The {@code Authorization} header value for token-service. */
    public String bearer() {
        return "Bearer " + accessToken;
    }

    /** Whether this operator may act (validate, refuse, revoke, prolong, rotate). */
    public boolean admin() {
        return ADMIN.equals(role);
    }
}
