package fr.guichet.portal.demarche.service;

import java.time.LocalDate;
import java.util.List;

/**
 * A token's calls over the last {@value DemarcheService#STATS_DAYS} days (UTC days, as trace-service
 * counts them): one row per day by status class, and the totals per operation. The chart and the
 * table are both drawn from {@link #days()}, so they show the same numbers.
 */
public record StatsView(String jti, List<Day> days, List<Operation> operations, long total) {

    /** One day's calls: successes (1xx–3xx), client errors (4xx), server errors (5xx). */
    public record Day(LocalDate day, long success, long clientErrors, long serverErrors) {
        public long total() {
            return success + clientErrors + serverErrors;
        }
    }

    /** One operation's calls over the period, by status class. */
    public record Operation(String operationId, long success, long clientErrors, long serverErrors) {
        public long total() {
            return success + clientErrors + serverErrors;
        }
    }

    /** The chart's x values (bar-chart of DSFR Chart): {@code [["2026-11-01", ...]]}. */
    public String chartX() {
        StringBuilder sb = new StringBuilder("[[");
        for (int i = 0; i < days.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(days.get(i).day()).append('"');
        }
        return sb.append("]]").toString();
    }

    /** The chart's three stacked series, in the order of {@link #chartNames()}. */
    public String chartY() {
        return "[" + series(Day::success) + "," + series(Day::clientErrors) + "," + series(Day::serverErrors) + "]";
    }

    /** The series' names. */
    public String chartNames() {
        return "[\"Succès\",\"Erreurs du partenaire (4xx)\",\"Erreurs de la plateforme (5xx)\"]";
    }

    private String series(java.util.function.ToLongFunction<Day> value) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < days.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(value.applyAsLong(days.get(i)));
        }
        return sb.append(']').toString();
    }
}
