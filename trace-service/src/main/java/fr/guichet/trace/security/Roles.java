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

    /**
     * The one kind of event a writing client may send: the gateway traces API calls, token-service
     * its admin actions; {@code null} for any other client (it may write nothing).
     */
    public static fr.guichet.common.trace.TraceEvent.Kind kindWrittenBy(String client) {
        if (CLIENT_GATEWAY.equals(client)) {
            return fr.guichet.common.trace.TraceEvent.Kind.API_CALL;
        }
        if (CLIENT_TOKEN_SERVICE.equals(client)) {
            return fr.guichet.common.trace.TraceEvent.Kind.ADMIN_ACTION;
        }
        return null;
    }
}
