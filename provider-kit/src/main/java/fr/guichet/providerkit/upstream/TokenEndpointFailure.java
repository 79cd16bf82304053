package fr.guichet.providerkit.upstream;

/**
 * The token endpoint answered, but without a usable token: {@code status} is its HTTP status
 * (200 when the body had no {@code access_token}). The provider maps it to its error (typically
 * {@code XX006} for a refusal, its unavailability code for 503).
 */
public class TokenEndpointFailure extends RuntimeException {

    private final String upstream;
    private final int status;

    public TokenEndpointFailure(String upstream, int status, String message) {
        super(upstream + " token endpoint: HTTP " + status + (message == null ? "" : " (" + message + ")"), null, false,
                false);
        this.upstream = upstream;
        this.status = status;
    }

    public String upstream() {
        return upstream;
    }

    public int status() {
        return status;
    }

    /** The endpoint answered 200 without a usable token. */
    public boolean malformed() {
        return status == 200;
    }
}
