package fr.guichet.token.proof.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PUT /admin/habilitations/{id}/security_proof}. Dates are ISO ({@code YYYY-MM-DD}).
 *
 * @param kind       {@code homologation} or {@code questionnaire}
 * @param reference  the decision's or questionnaire's reference (1 to 200 characters)
 * @param date       the date of the homologation decision or of the questionnaire
 * @param validUntil last day of validity: required for a homologation; for a questionnaire
 *                   computed (date + three years), and refused if given otherwise
 * @param reason     optional, kept in the audit
 */
public record SecurityProofRequest(String kind, String reference, String date,
                                   @JsonProperty("valid_until") String validUntil, String reason) {
}
