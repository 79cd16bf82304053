package fr.guichet.trace.security;

/** Roles known to trace-service. Session JWTs carry them in {@code groups}. */
public final class Roles {

    /** Services allowed to write traces (gateway, token-service). */
    public static final String TRACE_WRITER = "trace-writer";
    /** token-service reading partners' traces on their behalf (it checks ownership first). */
    public static final String PARTNER_READER = "partner-reader";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";
    public static final String PARTNER = "partner";

    public static final String CLIENT_GATEWAY = "gateway";
    public static final String CLIENT_TOKEN_SERVICE = "token-service";

    private Roles() {
    }
}
