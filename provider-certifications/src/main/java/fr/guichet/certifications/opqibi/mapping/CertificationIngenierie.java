package fr.guichet.certifications.opqibi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API Entreprise answer of {@code /v3/opqibi/unites_legales/{siren}/certification_ingenierie},
 * from OPQIBI's certificate as API Entreprise maps it: French dates ({@code 15/06/2021}) to ISO
 * dates, {@code rge} "0"/"1" to a boolean (null otherwise), OPQIBI's field names renamed.
 */
public record CertificationIngenierie(Certification data, Map<String, Object> links, Map<String, Object> meta) {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Certification(@JsonProperty("numero_certificat") String numeroCertificat, String url,
                                @JsonProperty("date_delivrance_certificat") String dateDelivranceCertificat,
                                @JsonProperty("duree_validite_certificat") String dureeValiditeCertificat,
                                String assurances, List<Qualification> qualifications,
                                @JsonProperty("date_validite_qualifications") String dateValiditeQualifications,
                                @JsonProperty("qualifications_probatoires") List<Qualification> qualificationsProbatoires,
                                @JsonProperty("date_validite_qualifications_probatoires") String dateValiditeQualificationsProbatoires) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Qualification(String nom, @JsonProperty("code_qualification") String codeQualification,
                                String definition, Boolean rge) {
    }

    /** Maps OPQIBI's certificate. */
    public static CertificationIngenierie from(JsonNode o) {
        return new CertificationIngenierie(new Certification(text(o, "numero_certificat"), text(o, "url"),
                date(text(o, "date_de_delivrance_du_certificat")), text(o, "duree_de_validite_du_certificat"),
                text(o, "assurance"), qualifications(o.path("qualifications")),
                date(text(o, "date_de_validite_des_qualification")),
                qualifications(o.path("qualifications_probatoires")),
                date(text(o, "date_de_validite_des_qualifications_probatoires"))), Map.of(), Map.of());
    }

    private static List<Qualification> qualifications(JsonNode list) {
        List<Qualification> result = new ArrayList<>();
        for (JsonNode q : list) {
            String rge = text(q, "rge");
            result.add(new Qualification(text(q, "Nom"), text(q, "CodeQualification"), text(q, "Definition"),
                    "1".equals(rge) ? Boolean.TRUE : "0".equals(rge) ? Boolean.FALSE : null));
        }
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** {@code 15/06/2021} → {@code 2021-06-15}; a value in another shape is passed on as it is. */
    static String date(String french) {
        if (french == null) {
            return null;
        }
        try {
            return LocalDate.parse(french, FRENCH_DATE).toString();
        } catch (DateTimeParseException e) {
            return french;
        }
    }
}
