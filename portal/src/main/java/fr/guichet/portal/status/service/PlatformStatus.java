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
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformStatus(String status, @JsonProperty("checked_at") String checkedAt, List<Provider> providers) {

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
