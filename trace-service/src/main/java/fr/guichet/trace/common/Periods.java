package fr.guichet.trace.common;

import fr.guichet.trace.error.TraceErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Query parameters {@code from}/{@code to}: ISO-8601 instants, or dates (UTC days). */
public final class Periods {

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
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw TraceErrors.invalidParameter(name, "Le paramètre " + name
                    + " doit être une date (AAAA-MM-JJ) ou un instant ISO-8601 (2026-11-25T10:00:00Z)");
        }
    }

    public static void checkOrder(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw TraceErrors.invalidParameter("from", "Le paramètre from doit précéder le paramètre to");
        }
    }
}
