package fr.guichet.token.habilitation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HabilitationView(
        String id,
        @JsonProperty("organisation_siret") String organisationSiret,
        @JsonProperty("api_kind") String apiKind,
        String intitule,
        @JsonProperty("legal_basis") String legalBasis,
        List<String> scopes,
        String status,
        @JsonProperty("status_reason") String statusReason,
        @JsonProperty("rate_limit_per_minute") int rateLimitPerMinute,
        @JsonProperty("allowed_ips") List<String> allowedIps,
        String environment,
        Contacts contacts,
        @JsonProperty("contacts_erased_at") String contactsErasedAt,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("validated_at") String validatedAt,
        @JsonProperty("franceconnect_client_id") String franceconnectClientId,
        java.util.Map<String, fr.guichet.token.period.OpenPeriod> periods,
        @JsonProperty("security_proof_valid_until") String securityProofValidUntil,
        String suspended,
        @JsonProperty("data_erased_at") String dataErasedAt,
        @JsonProperty("expected_volume_per_day") Integer expectedVolumePerDay,
        String recipients,
        @JsonProperty("terms_accepted_at") String termsAcceptedAt,
        @JsonProperty("decision_reason") String decisionReason,
        @JsonProperty("decided_at") String decidedAt) {

    public static HabilitationView of(Habilitation h, String siret) {
        return new HabilitationView(h.id.toString(), siret, h.apiKind, h.intitule, h.legalBasis, h.scopes, h.status,
                h.statusReason, h.rateLimitPerMinute, h.allowedIps, h.environment, h.contacts,
                h.contactsErasedAt == null ? null : h.contactsErasedAt.toString(), h.createdAt.toString(),
                h.validatedAt == null ? null : h.validatedAt.toString(), h.franceconnectClientId,
                h.periods == null || h.periods.isEmpty() ? null : h.periods,
                h.securityProofValidUntil == null ? null : h.securityProofValidUntil.toString(), h.suspended,
                h.dataErasedAt == null ? null : h.dataErasedAt.toString(), h.expectedVolumePerDay, h.recipients,
                h.termsAcceptedAt == null ? null : h.termsAcceptedAt.toString(), h.decisionReason,
                h.decidedAt == null ? null : h.decidedAt.toString());
    }
}
