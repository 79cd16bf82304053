package fr.guichet.common.logging;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The request id of the request being served, as the {@value #MDC_KEY} field of every log record
 * written while serving it (log format {@code %X{request_id}}; JSON logs carry MDC fields).
 * Services call {@link #begin} from a request filter and {@link #end} from a response filter.
 */
public final class RequestIds {

    /** Header carrying the request id between Guichet's services. */
    public static final String HEADER = "X-Request-ID";
    /** MDC key of the request id. */
    public static final String MDC_KEY = "request_id";
    /** What a received request id may look like (anything else is replaced by a fresh UUID). */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /**
     * Puts the request id in the MDC: {@code received} when it is 1 to 128 characters among
     * letters, digits and {@code . _ : -}, else a new random UUID (a forged id never reaches a log).
     *
     * @return the request id in use
     */
    public static String begin(String received) {
        String id = resolve(received);
        MDC.put(MDC_KEY, id);
        return id;
    }

    /** {@code received} when it is a request id {@link #begin} would keep, else a new random UUID. */
    public static String resolve(String received) {
        return received != null && SAFE.matcher(received).matches() ? received : UUID.randomUUID().toString();
    }

    /** Removes the request id from the MDC. */
    public static void end() {
        MDC.remove(MDC_KEY);
    }
}
