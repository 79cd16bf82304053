package fr.guichet.common.logging;

import io.quarkus.logging.LoggingFilter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Log filter {@value #NAME}: escapes line breaks and other control characters in every log
 * record's message and text parameters before any handler formats it, so that user data (a
 * {@code %0A} in a query parameter, a header, a criterion) can never forge a separate log line
 * (OWASP Logging Cheat Sheet, "log injection"). Enabled per handler with
 * {@code quarkus.log.console.filter=guichet-user-data} (and {@code quarkus.log.file.filter}).
 *
 * <p>Numbers, booleans, characters, dates and times are left as they are (printf conversions such
 * as {@code %d} need them); any other parameter is replaced by its escaped text.
 */
@LoggingFilter(name = UserDataLogFilter.NAME)
public final class UserDataLogFilter implements Filter {

    /** The name handlers refer to in {@code quarkus.log.*.filter}. */
    public static final String NAME = "guichet-user-data";

    @Override
    public boolean isLoggable(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p != null && !(p instanceof Number || p instanceof Boolean || p instanceof Character
                        || p instanceof Date || p instanceof TemporalAccessor)) {
                    parameters[i] = escape(String.valueOf(p));
                }
            }
        }
        String message = record.getMessage();
        if (message != null && needsEscape(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(escape(message), ext.getFormatStyle());
            } else {
                record.setMessage(escape(message));
            }
        }
        return true;
    }

    /**
     * {@code value} on one line: CR, LF, the Unicode line and paragraph separators and every other
     * control character but tab are written as {@code \r}, {@code \n}, {@code \}{@code uXXXX}.
     */
    public static String escape(String value) {
        if (value == null || !needsEscape(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (isBreaking(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isBreaking(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBreaking(char c) {
        return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }
}
