package fr.guichet.token.incident.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Body of {@code PUT /admin/incident}: the whole new state (what is not cut here is no longer cut).
 *
 * @param dataPlaneCut every data route answers 503 (absent: false)
 * @param cutProviders provider keys whose routes answer 503 (absent: none)
 * @param retryIn      seconds announced to callers, 1..86400 (absent: 300)
 * @param reason       required: why, in French; kept in the audit and shown by {@code /ping}
 */
@RegisterForReflection
public record IncidentRequest(@JsonProperty("data_plane_cut") Boolean dataPlaneCut,
                              @JsonProperty("cut_providers") List<String> cutProviders,
                              @JsonProperty("retry_in") Long retryIn,
                              String reason) {
}
