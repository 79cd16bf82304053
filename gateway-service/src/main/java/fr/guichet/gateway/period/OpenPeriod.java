package fr.guichet.gateway.period;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * One period a habilitation opens for a scope, as token-service writes it in the token state copy:
 * whole calendar years ({@code {"years": [2022, 2023]}}) or a range of days
 * ({@code {"from": "2022-01-01", "to": "2023-12-31"}}, either end may be absent: open-ended).
 *
 * @param years the open years, or null for a range
 * @param from  first open day (inclusive), or null (no lower bound, or a list of years)
 * @param to    last open day (inclusive), or null (no upper bound, or a list of years)
 */
public record OpenPeriod(SortedSet<Integer> years, LocalDate from, LocalDate to) {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * Whether the whole of [{@code start}, {@code end}] lies inside this period: a document is
     * released only if nothing of it falls outside what the habilitation opens.
     */
    public boolean contains(LocalDate start, LocalDate end) {
        if (years != null) {
            for (int y = start.getYear(); y <= end.getYear(); y++) {
                if (!years.contains(y)) {
                    return false;
                }
            }
            return true;
        }
        return (from == null || !start.isBefore(from)) && (to == null || !end.isAfter(to));
    }

    /** In French, for error details: « années 2022, 2023 », « du 01/01/2022 au 31/12/2023 ». */
    public String label() {
        if (years != null) {
            return (years.size() == 1 ? "année " : "années ")
                    + years.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (from == null) {
            return "jusqu'au " + FRENCH.format(to);
        }
        if (to == null) {
            return "à partir du " + FRENCH.format(from);
        }
        return "du " + FRENCH.format(from) + " au " + FRENCH.format(to);
    }

    /** For {@code meta.periodes_ouvertes}: {@code {"annees": [...]}} or {@code {"debut": ..., "fin": ...}}. */
    public Map<String, Object> meta() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (years != null) {
            m.put("annees", List.copyOf(years));
        } else {
            m.put("debut", from == null ? null : from.toString());
            m.put("fin", to == null ? null : to.toString());
        }
        return m;
    }
}
