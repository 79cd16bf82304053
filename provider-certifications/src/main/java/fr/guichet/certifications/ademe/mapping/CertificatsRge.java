package fr.guichet.certifications.ademe.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API Entreprise answer of {@code /v3/ademe/etablissements/{siret}/certification_rge}: one
 * item per ADEME result, fields renamed as API Entreprise's serializer does
 * ({@code url_qualification} → {@code url}, {@code lien_date_debut}/{@code lien_date_fin} →
 * {@code date_attribution}/{@code date_expiration}, {@code _id}, {@code _updatedAt} (date only),
 * {@code traitement_termine} → {@code meta}).
 */
public record CertificatsRge(List<Item> data, Map<String, Object> meta, Map<String, Object> links) {

    /** One certificate with its (empty) links and meta, as every collection item of API Entreprise. */
    public record Item(Certificat data, Map<String, Object> links, Map<String, Object> meta) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Certificat(String url, @JsonProperty("nom_certificat") String nomCertificat, String domaine,
                             @JsonProperty("meta_domaine") String metaDomaine, Qualification qualification,
                             String organisme, @JsonProperty("date_attribution") String dateAttribution,
                             @JsonProperty("date_expiration") String dateExpiration, CertificatMeta meta) {
    }

    public record Qualification(String code, String nom) {
    }

    public record CertificatMeta(@JsonProperty("internal_id") String internalId,
                                 @JsonProperty("updated_at") String updatedAt, boolean archived) {
    }

    /** Maps ADEME's answer ({@code results}), in its order. */
    public static CertificatsRge from(JsonNode ademe) {
        List<Item> items = new ArrayList<>();
        for (JsonNode r : ademe.path("results")) {
            items.add(new Item(new Certificat(text(r, "url_qualification"), text(r, "nom_certificat"), text(r, "domaine"),
                    text(r, "meta_domaine"), new Qualification(text(r, "code_qualification"), text(r, "nom_qualification")),
                    text(r, "organisme"), text(r, "lien_date_debut"), text(r, "lien_date_fin"),
                    new CertificatMeta(text(r, "_id"), date(text(r, "_updatedAt")), r.path("traitement_termine").asBoolean(false))),
                    Map.of(), Map.of()));
        }
        return new CertificatsRge(items, Map.of(), Map.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** {@code 2022-03-30T04:11:53.153Z} → {@code 2022-03-30}, as API Entreprise's {@code normalized_date}. */
    static String date(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return timestamp.length() >= 10 ? timestamp.substring(0, 10) : timestamp;
        }
    }
}
