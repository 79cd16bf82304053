package fr.guichet.trace.availability.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The providers' availability, as {@code GET /public/availability} serves it.
 *
 * @param data one entry per provider ever recorded in the period, by adapter key
 */
@RegisterForReflection
public record AvailabilityReport(List<Provider> data) {

    /**
     * One provider.
     *
     * @param days  every day of the period, oldest first, observed or not
     * @param month the current month (Europe/Paris)
     */
    @RegisterForReflection
    public record Provider(String provider, List<Day> days, Month month) {
    }

    /**
     * One day (Europe/Paris).
     *
     * @param availability up / (up + down) minutes, rounded to 4 decimals; maintenance minutes are not
     *                     unavailability (a day all in maintenance is 1); null for a day not observed
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Day(String date, @JsonProperty("up_minutes") int upMinutes,
                      @JsonProperty("down_minutes") int downMinutes,
                      @JsonProperty("maintenance_minutes") int maintenanceMinutes, Double availability) {
    }

    /**
     * The month so far: the same ratio over its observed minutes; null when none.
     *
     * @param month {@code YYYY-MM}
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Month(String month, Double availability) {
    }

    /** up / (up + down), 4 decimals; 1 when only maintenance was observed, null when nothing was. */
    static Double ratio(long up, long down, long maintenance) {
        if (up + down == 0) {
            return maintenance > 0 ? 1.0 : null;
        }
        return Math.round(up * 10_000.0 / (up + down)) / 10_000.0;
    }
}
