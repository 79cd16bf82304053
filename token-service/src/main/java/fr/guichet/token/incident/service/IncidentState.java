package fr.guichet.token.incident.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.incident.repository.IncidentSwitch;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The incident switch as served by {@code GET /admin/incident} and copied to Redis
 * ({@code guichet:incident}, and each message of {@code guichet:incidents}) for the gateways.
 * Fields are always present; {@code reason}, {@code updated_at} and {@code updated_by} are null
 * while the switch was never set.
 *
 * @param retryIn seconds announced to callers while a cut lasts
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IncidentState(@JsonProperty("data_plane_cut") boolean dataPlaneCut,
                            @JsonProperty("cut_providers") List<String> cutProviders,
                            @JsonProperty("retry_in") long retryIn,
                            String reason,
                            @JsonProperty("updated_at") String updatedAt,
                            @JsonProperty("updated_by") String updatedBy) {

    /** {@code retry_in} when a request gives none: five minutes. */
    public static final long DEFAULT_RETRY_IN = 300;

    /** Nothing cut: the state before any operator sets the switch. */
    public static IncidentState none() {
        return new IncidentState(false, List.of(), DEFAULT_RETRY_IN, null, null, null);
    }

    static IncidentState of(IncidentSwitch s) {
        return s == null ? none() : new IncidentState(s.dataPlaneCut, List.copyOf(s.cutProviders), s.retryIn, s.reason,
                s.updatedAt.toString(), s.updatedBy);
    }
}
