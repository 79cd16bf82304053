package fr.guichet.common.operation;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an operation's period lies, declared as {@code period:} in {@code guichet/operations/<provider>.yml}:
 * what the gateway compares with the periods a habilitation opens (403 {@code 00109} outside them).
 *
 * <ul>
 *   <li>{@code year}: the path variable or query parameter {@code parameter} holds a year ({@code 2023});
 *       the period is that whole calendar year;</li>
 *   <li>{@code month}: {@code parameter} holds a month (1 to 12, {@code 03}) and {@code year_parameter} its year;</li>
 *   <li>{@code date}: {@code parameter} holds a day ({@code 2023-12-31});</li>
 *   <li>{@code document}: the answer is one document whose {@code data} carries its period at the JSON
 *       pointers {@code start} (optional) and {@code end} (dates {@code YYYY-MM-DD});</li>
 *   <li>{@code document_list}: the answer's {@code data} is a list of such documents, each with its own
 *       {@code data}: those outside the habilitation's periods are left out.</li>
 * </ul>
 *
 * @param kind          how the period is read
 * @param parameter     {@code year}, {@code month}, {@code date}: the parameter holding it; else null
 * @param yearParameter {@code month}: the parameter holding the year; else null
 * @param start         {@code document}, {@code document_list}: JSON pointer of the first day in a document's data, or null
 * @param end           {@code document}, {@code document_list}: JSON pointer of the last day in a document's data
 */
public record OperationPeriod(Kind kind, String parameter, String yearParameter, String start, String end) {

    /** How an operation's period is read. */
    public enum Kind {
        YEAR, MONTH, DATE, DOCUMENT, DOCUMENT_LIST;

        /** The declared spelling ({@code document_list}). */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Kind> fromWire(String wire) {
            for (Kind k : values()) {
                if (k.wire().equals(wire)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** True when the period is read from the answer rather than from the call's parameters. */
    public boolean inAnswer() {
        return kind == Kind.DOCUMENT || kind == Kind.DOCUMENT_LIST;
    }

    /**
     * Checks a declaration's consistency.
     *
     * @throws IllegalStateException naming {@code where} when a kind or a field it needs is missing
     */
    static OperationPeriod of(String where, String kind, String parameter, String yearParameter, String start, String end) {
        Kind k = Kind.fromWire(kind).orElseThrow(() -> new IllegalStateException(where
                + ": period kind must be year, month, date, document or document_list (got " + kind + ")"));
        boolean answer = k == Kind.DOCUMENT || k == Kind.DOCUMENT_LIST;
        if (!answer && (parameter == null || parameter.isBlank())) {
            throw new IllegalStateException(where + ": a " + k.wire() + " period names its parameter");
        }
        if (k == Kind.MONTH && (yearParameter == null || yearParameter.isBlank())) {
            throw new IllegalStateException(where + ": a month period names its year_parameter");
        }
        if (answer && (end == null || !end.startsWith("/") || (start != null && !start.startsWith("/")))) {
            throw new IllegalStateException(where + ": a " + k.wire() + " period gives JSON pointers end (and start)");
        }
        return new OperationPeriod(k, parameter, yearParameter, start, end);
    }
}
