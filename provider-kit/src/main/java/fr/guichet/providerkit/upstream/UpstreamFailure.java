package fr.guichet.providerkit.upstream;

import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A call that got no HTTP answer from the upstream, classified once for every provider. Each
 * provider turns the {@link Kind} into its own API Entreprise error (its prefix, status and
 * {@code retry_in}); HTTP answers, 5xx included, are never failures of this type.
 */
public class UpstreamFailure extends RuntimeException {

    /** Why no answer came. */
    public enum Kind {
        /** The exchange took longer than the upstream's {@code timeout}. */
        TIMEOUT,
        /** No connection within {@code connect-timeout}. */
        CONNECT_TIMEOUT,
        /** Connection refused, reset or closed before an answer. */
        UNREACHABLE,
        /** The upstream's host name does not resolve. */
        DNS,
        /** TLS handshake failed (certificate refused or untrusted) or the TLS settings are unusable. */
        TLS,
        /** The circuit breaker is open: the upstream failed too often lately and was not called. */
        CIRCUIT_OPEN,
        /** Too many calls in flight to the upstream: this one was not made. */
        BULKHEAD_FULL
    }

    private final String upstream;
    private final Kind kind;

    public UpstreamFailure(String upstream, Kind kind, String message, Throwable cause) {
        super(upstream + ": " + kind + (message == null ? "" : " (" + message + ")"), cause);
        this.upstream = upstream;
        this.kind = kind;
    }

    public String upstream() {
        return upstream;
    }

    public Kind kind() {
        return kind;
    }

    /** Classifies what a call to {@code upstream} failed with; already classified failures are kept. */
    public static UpstreamFailure classify(String upstream, Throwable error) {
        if (error instanceof UpstreamFailure failure) {
            return failure;
        }
        return new UpstreamFailure(upstream, kindOf(error), String.valueOf(error), error);
    }

    static Kind kindOf(Throwable error) {
        if (has(error, CircuitBreakerOpenException.class)) {
            return Kind.CIRCUIT_OPEN;
        }
        if (has(error, BulkheadException.class)) {
            return Kind.BULKHEAD_FULL;
        }
        if (has(error, org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class)
                || has(error, TimeoutException.class)) {
            return Kind.TIMEOUT;
        }
        if (has(error, UnknownHostException.class) || has(error, UnresolvedAddressException.class)) {
            return Kind.DNS;
        }
        if (has(error, SSLException.class)) {
            return Kind.TLS;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            // Netty's ConnectTimeoutException is a ConnectException: test it by name first.
            if (t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return Kind.CONNECT_TIMEOUT;
            }
        }
        // ConnectException (refused), connection reset or closed, and any other I/O failure.
        return Kind.UNREACHABLE;
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
