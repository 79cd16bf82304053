package fr.guichet.providerkit.logging;

import java.util.function.Predicate;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Keeps API Particulier's parameters out of every log line of a provider, whoever writes it: the
 * kit, the provider's adapters, Quarkus and Vert.x (an unhandled failure's "HTTP Request to ...
 * failed"), the HTTP access log when it is on. Set on the handlers of the root logger (console,
 * file, JSON: they all sit behind Quarkus' root handler), it rewrites each record before any
 * handler formats it:
 * <ul>
 *   <li>the query of an API path ({@code /v3/...?...}) of an API Particulier operation becomes
 *       {@value #MASKED_QUERY}, on any thread (the event loop logs failures too);</li>
 *   <li>on the thread answering an API Particulier call, every value of the call
 *       ({@link PersonalValues}) becomes {@value PersonalValues#MASK}, in the message and in the
 *       messages of the exception and its causes (their stack frames kept).</li>
 * </ul>
 * A filter already set on a handler keeps deciding what is logged. Installed at start-up by
 * {@link LogRedactionStartup}.
 */
public final class PersonalDataRedaction implements Filter {

    /** What replaces the query of an API Particulier path in a log line. */
    public static final String MASKED_QUERY = "[paramètres masqués]";
    private static final Pattern API_PATH_QUERY = Pattern.compile("(/v[0-9]+/[^\\s?#\"'<>]*)\\?([^\\s#\"'<>]*)");
    private static final String MASKED_QUERY_START = MASKED_QUERY.substring(0, MASKED_QUERY.indexOf(' '));
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final Filter next;
    private final Predicate<String> particulierPath;

    PersonalDataRedaction(Filter next, Predicate<String> particulierPath) {
        this.next = next;
        this.particulierPath = particulierPath;
    }

    /**
     * Sets the redaction on every handler of the root logger (again when called again: the newest
     * predicate wins, the handlers' own filters are kept).
     *
     * @param particulierPath whether a request path ({@code /v3/dss/quotient_familial/identite}) is an
     *        API Particulier operation's
     */
    public static void install(Predicate<String> particulierPath) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            Filter existing = handler.getFilter();
            Filter next = existing instanceof PersonalDataRedaction redaction ? redaction.next : existing;
            handler.setFilter(new PersonalDataRedaction(next, particulierPath));
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (next != null && !next.isLoggable(record)) {
            return false;
        }
        redact(record, PersonalValues.current());
        return true;
    }

    void redact(LogRecord record, PersonalValues values) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : FORMATTER.formatMessage(record);
        String masked = mask(message, values);
        if (masked != null && !masked.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(masked);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && needsMasking(thrown, values)) {
            record.setThrown(Masked.of(thrown, t -> mask(t, values)));
        }
    }

    private boolean needsMasking(Throwable thrown, PersonalValues values) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.equals(mask(m, values))) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} without the queries of API Particulier paths nor the current call's values. */
    String mask(String text, PersonalValues values) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (out.indexOf('?') >= 0) {
            Matcher m = API_PATH_QUERY.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                // a record goes through every handler's filter: a masked query stays as it is
                boolean mask = !m.group(2).equals(MASKED_QUERY_START) && particulierPath.test(m.group(1));
                String replacement = mask ? m.group(1) + "?" + MASKED_QUERY : m.group();
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return values.mask(out);
    }

    /**
     * An exception as logged after masking: the original's class name, masked message and stack
     * frames, and its masked cause.
     */
    static final class Masked extends RuntimeException {

        private final String className;

        private Masked(String className, String message, Throwable cause) {
            super(message, cause, false, true);
            this.className = className;
        }

        static Throwable of(Throwable original, java.util.function.UnaryOperator<String> mask) {
            Throwable cause = original.getCause() == null || original.getCause() == original ? null
                    : of(original.getCause(), mask);
            Masked masked = new Masked(original.getClass().getName(), mask.apply(original.getMessage()), cause);
            masked.setStackTrace(original.getStackTrace());
            return masked;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? className : className + ": " + message;
        }
    }
}
