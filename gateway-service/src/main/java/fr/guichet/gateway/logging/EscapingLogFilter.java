package fr.guichet.gateway.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Escapes every log message once formatted, so that user data (a parameter name quoted by
 * trace-service, a header, a certificate subject) can never start a forged line: CR and LF become
 * {@code \r} and {@code \n}, other control characters {@code \}{@code uXXXX}. Installed on the
 * console handler ({@code quarkus.log.console.filter=guichet-escape}); stack traces, printed by
 * the formatter after the message, keep their lines. The request id is a field of each record
 * (MDC {@code request_id}).
 */
@LoggingFilter(name = "guichet-escape")
public final class EscapingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String escaped = escape(formatted);
            if (escaped != formatted) {
                ext.setMessage(escaped, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }

    /** {@code text} with its control characters escaped; the same instance when there are none. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
            if (control && c != '\t') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
