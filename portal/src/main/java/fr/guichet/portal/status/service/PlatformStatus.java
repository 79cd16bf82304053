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
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformStatus(String status, @JsonProperty("checked_at") String checkedAt, List<Provider> providers,
                             List<Change> changes) {

    /** A status without announced changes. */
    public PlatformStatus(String status, String checkedAt, List<Provider> providers) {
        this(status, checkedAt, providers, List.of());
    }

    /** This status with the announced changes. */
    public PlatformStatus withChanges(List<Change> announced) {
        return new PlatformStatus(status, checkedAt, providers, List.copyOf(announced));
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
