package fr.guichet.acoss.attestation.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;

/** {@code data} of the v4 attestation de vigilance: the document and the facts read from it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AttestationV4(@JsonProperty("document_url") String documentUrl,
                            @JsonProperty("document_url_expires_in") Long documentUrlExpiresIn,
                            @JsonProperty("date_debut_validite") String dateDebutValidite,
                            @JsonProperty("date_fin_validite") String dateFinValidite,
                            @JsonProperty("code_securite") String codeSecurite,
                            @JsonProperty("entity_status") EntityStatus entityStatus) {

    public static AttestationV4 delivered(String url, long expiresIn, LocalDate start, LocalDate end, String code) {
        return new AttestationV4(url, expiresIn, start.toString(), end.toString(), code, EntityStatus.OK);
    }

    /** URSSAF refused: no document, no dates, no code. */
    public static AttestationV4 refused() {
        return new AttestationV4(null, null, null, null, null, EntityStatus.REFUS_DE_DELIVRANCE);
    }
}
