package fr.guichet.portal.status.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The public status of the platform, as {@code /statut} shows it and {@code /statut.json} serves it.
 *
 * @param status    {@code up} (every provider up), {@code degraded} (one or more down or in
 *                  maintenance) or {@code down} (the gateway does not answer)
 * @param checkedAt when the portal read the gateway's pings (ISO-8601)
 * @param changes   the technical changes announced to partners (token-service's public
 *                  {@code /changes}), latest production date first; empty when none or unknown
 * @param availability       each provider's availability per day over the last 90 days and over the
 *                           current month (trace-service's record); empty when unknown
 * @param maintenanceWindows the providers' scheduled daily maintenance windows (the gateway's);
 *                           empty when none or unknown
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformStatus(String status, @JsonProperty("checked_at") String checkedAt, List<Provider> providers,
                             List<Change> changes, List<Availability> availability,
                             @JsonProperty("maintenance_windows") List<MaintenanceWindow> maintenanceWindows) {

    /** The availability the terms commit to, per month (API Entreprise: 99.5 %). */
    public static final double COMMITMENT = 0.995;

    /** A status without announced changes, availability nor windows. */
    public PlatformStatus(String status, String checkedAt, List<Provider> providers) {
        this(status, checkedAt, providers, List.of(), List.of(), List.of());
    }

    /** This status with the announced changes. */
    public PlatformStatus withChanges(List<Change> announced) {
        return new PlatformStatus(status, checkedAt, providers, List.copyOf(announced), availability, maintenanceWindows);
    }

    /** This status with the providers' availability and scheduled windows. */
    public PlatformStatus withSchedule(List<Availability> days, List<MaintenanceWindow> windows) {
        return new PlatformStatus(status, checkedAt, providers, changes, List.copyOf(days), List.copyOf(windows));
    }

    /**
     * One provider's availability.
     *
     * @param days  the last 90 days, oldest first
     * @param month the current month
     */
    @RegisterForReflection
    public record Availability(String provider, String name, List<Day> days, Month month) {
    }

    /**
     * One day (Europe/Paris).
     *
     * @param availability up / (up + down) minutes (maintenance is not unavailability), null when not observed
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Day(String date, Double availability, @JsonProperty("up_minutes") int upMinutes,
                      @JsonProperty("down_minutes") int downMinutes,
                      @JsonProperty("maintenance_minutes") int maintenanceMinutes) {

        /** {@code none} (not observed), {@code full} (100 %), {@code high} (99.5 % or more), {@code low}. */
        public String level() {
            if (availability == null) {
                return "none";
            }
            return availability >= 1.0 ? "full" : availability >= COMMITMENT ? "high" : "low";
        }

        /** The cell's text alternative, in French: the date and the percentage or "pas de mesure". */
        public String label() {
            String d = date.length() == 10 ? date.substring(8) + "/" + date.substring(5, 7) + "/" + date.substring(0, 4) : date;
            return d + " : " + (availability == null ? "pas de mesure" : percent(availability))
                    + (maintenanceMinutes > 0 ? ", dont " + maintenanceMinutes + " min de maintenance programmée" : "");
        }
    }

    /**
     * The current month.
     *
     * @param month        {@code YYYY-MM}
     * @param availability over its observed minutes, null when none
     * @param commitment   the committed availability (0.995)
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Month(String month, Double availability, double commitment) {

        /** Whether the month so far meets the commitment; true when nothing was observed. */
        @com.fasterxml.jackson.annotation.JsonProperty("meets_commitment")
        public boolean meetsCommitment() {
            return availability == null || availability >= commitment;
        }

        /** The percentage in French ({@code 99,93 %}), or "pas de mesure". */
        public String label() {
            return availability == null ? "pas de mesure" : percent(availability);
        }
    }

    /**
     * A provider's scheduled daily maintenance windows.
     *
     * @param windows {@code HH:mm-HH:mm}
     * @param zone    {@code Europe/Paris}
     * @param openNow whether one is open now
     */
    @RegisterForReflection
    public record MaintenanceWindow(String provider, String name, List<String> windows, String zone,
                                    @JsonProperty("open_now") boolean openNow) {
    }

    /** {@code 0.99934} → {@code 99,93 %} (French decimal comma, two decimals). */
    static String percent(double ratio) {
        return String.format(java.util.Locale.FRANCE, "%.2f %%", ratio * 100).replace('\u202f', ' ');
    }

    /**
     * A technical change announced to partners before it goes into production (API Particulier's
     * terms: six months ahead; DGFIP ENSU terms: 14 working days).
     *
     * @param productionDate the day it goes into production ({@code YYYY-MM-DD})
     * @param apis           the APIs it affects as a whole ({@code entreprise}, {@code particulier}), if any
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String id, String title, String description,
                         @JsonProperty("production_date") String productionDate, List<String> apis, boolean urgent) {
    }

    /**
     * One provider.
     *
     * @param state      {@code up}, {@code down} or {@code maintenance} (an operator's incident cut or a
     *                   maintenance window)
     * @param reason     why it is in maintenance, when known
     * @param lastOkAt   the last time it answered well (ISO-8601), when known
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Provider(String provider, String name, String state, String reason,
                           @JsonProperty("last_ok_at") String lastOkAt) {

        /** The state in French. */
        public String label() {
            return switch (state) {
                case "up" -> "Opérationnel";
                case "maintenance" -> "En maintenance";
                default -> "Indisponible";
            };
        }
    }

    /** The platform's state in French. */
    public String label() {
        return switch (status) {
            case "up" -> "Tous les services fonctionnent normalement";
            case "degraded" -> "Certains fournisseurs de données sont indisponibles ou en maintenance";
            default -> "La plateforme ne répond pas";
        };
    }
}
