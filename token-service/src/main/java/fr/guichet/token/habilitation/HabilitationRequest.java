package fr.guichet.token.habilitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Body of {@code POST /admin/habilitations}. */
@RegisterForReflection
public record HabilitationRequest(
        @JsonProperty("organisation_siret") String organisationSiret,
        @JsonProperty("api_kind") String apiKind,
        String intitule,
        @JsonProperty("legal_basis") String legalBasis,
        List<String> scopes,
        @JsonProperty("rate_limit_per_minute") Integer rateLimitPerMinute,
        @JsonProperty("allowed_ips") List<String> allowedIps,
        String environment,
        Contacts contacts,
        /** {@code draft} to prepare it, {@code submitted} (default) to ask for validation. */
        String status) {
}
