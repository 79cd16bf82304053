package fr.guichet.trace.common;

import fr.guichet.trace.error.TraceErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.DateTimeException;

/**
 * Query parameters {@code from}/{@code to}: ISO-8601 instants, or dates (UTC days), between
 * {@link #EARLIEST} and {@link #LATEST}. Anything else (garbage, out-of-range years such as
 * {@code +1000000000-01-01T00:00:00Z}, an inverted period) is a 422 {@code 00262}, never a 500.
 */
public final class Periods {

    /** Earliest instant a period may name: 1970-01-01T00:00:00Z (no trace is older). */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** Latest instant a period may name: 10000-01-01T00:00:00Z (the end of the day 9999-12-31). */
    public static final Instant LATEST = LocalDate.of(9999, 12, 31).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    /** Longer texts are not dates: refused before any parsing. */
    private static final int MAX_LENGTH = 40;

    private Periods() {
    }

    /** A date as {@code from} means the start of that day. */
    public static Instant from(String value, Instant fallback) {
        return parse("from", value, fallback, false);
    }

    /** A date as {@code to} includes that whole day. */
    public static Instant to(String value, Instant fallback) {
        return parse("to", value, fallback, true);
    }

    private static Instant parse(String name, String value, Instant fallback, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Instant instant = null;
        if (value.length() <= MAX_LENGTH) {
            try {
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
                } else {
                    instant = Instant.parse(value);
                }
            } catch (DateTimeException | ArithmeticException e) {
                instant = null;
            }
        }
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw TraceErrors.invalidParameter(name, "Le paramètre " + name
                    + " doit être une date (AAAA-MM-JJ) ou un instant ISO-8601 (2026-11-25T10:00:00Z) entre 1970 et 9999");
        }
        return instant;
    }

    public static void checkOrder(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw TraceErrors.invalidParameter("from", "Le paramètre from doit précéder le paramètre to");
        }
    }
}
