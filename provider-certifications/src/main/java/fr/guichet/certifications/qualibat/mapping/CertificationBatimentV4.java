package fr.guichet.certifications.qualibat.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.certifications.qualibat.mapping.QualibatCertificate.Extraction;
import fr.guichet.certifications.qualibat.mapping.QualibatCertificate.Insurance;
import fr.guichet.providerkit.document.DocumentStore.StoredDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API Entreprise's v4 answer of {@code /v4/qualibat/etablissements/{siret}/certification_batiment}
 * (its {@code CertificationBatimentSerializer::V4}): the stored certificate's link and lifetime
 * (seconds), the facts read inside it, and {@code meta.extractor_error} (null when read).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CertificationBatimentV4(Data data, Map<String, Object> links, Map<String, Object> meta) {

    /** The answer for {@code stored}, the certificate {@code read} from. */
    public static CertificationBatimentV4 of(StoredDocument stored, Extraction read) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("extractor_error", read.extractorError());
        List<Certification> certifications = read.certifications().stream()
                .map(c -> new Certification(c.code(), c.libelle(), c.rge(), c.dateAttribution())).toList();
        return new CertificationBatimentV4(new Data(stored.url(), stored.expiresIn(), read.dateEmission(),
                read.dateFinValidite(), new Entity(read.travaux(), read.civile(), certifications)), Map.of(), meta);
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Data(@JsonProperty("document_url") String documentUrl,
                @JsonProperty("document_url_expires_in") long documentUrlExpiresIn,
                @JsonProperty("date_emission") String dateEmission,
                @JsonProperty("date_fin_validite") String dateFinValidite,
                Entity entity) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Entity(@JsonProperty("assurance_responsabilite_travaux") Insurance travaux,
                  @JsonProperty("assurance_responsabilite_civile") Insurance civile,
                  List<Certification> certifications) {
    }

    record Certification(String code, String libelle, boolean rge,
                         @JsonProperty("date_attribution") String dateAttribution) {
    }
}
