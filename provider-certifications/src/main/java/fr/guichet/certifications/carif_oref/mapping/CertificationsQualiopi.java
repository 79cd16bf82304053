package fr.guichet.certifications.carif_oref.mapping;

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
 * The API Entreprise answer of
 * {@code /v3/carif_oref/etablissements/{siret}/certifications_qualiopi_france_competences}, from
 * Quiforme's record as API Entreprise maps it: one activity declaration per {@code nda} (always
 * active: Quiforme lists active ones), Qualiopi obtained through the legal unit when Quiforme says
 * "par propagation via" (directly when "direct sur le NDA"), France Compétences accreditations
 * except those in state "Supprimé", dates as ISO dates.
 */
public record CertificationsQualiopi(Data data, Map<String, Object> links, Map<String, Object> meta) {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Data(String siret, @JsonProperty("code_uai") String codeUai,
                       @JsonProperty("unite_legale_avec_plusieurs_nda") Boolean uniteLegaleAvecPlusieursNda,
                       @JsonProperty("declarations_activites_etablissement") List<Declaration> declarations,
                       @JsonProperty("habilitations_france_competence") List<Habilitation> habilitations) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Declaration(@JsonProperty("numero_de_declaration") String numero, boolean actif,
                              @JsonProperty("date_derniere_declaration") String dateDerniereDeclaration,
                              @JsonProperty("date_debut_exercice") String dateDebutExercice,
                              @JsonProperty("date_fin_exercice") String dateFinExercice,
                              @JsonProperty("certification_qualiopi") Qualiopi certificationQualiopi,
                              Map<String, Specialite> specialites) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Qualiopi(@JsonProperty("action_formation") Boolean actionFormation,
                           @JsonProperty("bilan_competences") Boolean bilanCompetences,
                           @JsonProperty("validation_acquis_experience") Boolean validationAcquisExperience,
                           Boolean apprentissage,
                           @JsonProperty("obtention_via_unite_legale") Boolean obtentionViaUniteLegale) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Specialite(String code, String libelle) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Habilitation(String code, Boolean actif, @JsonProperty("date_actif") String dateActif,
                               @JsonProperty("date_fin_enregistrement") String dateFinEnregistrement,
                               @JsonProperty("date_decision") String dateDecision,
                               @JsonProperty("habilitation_pour_former") Boolean habilitationPourFormer,
                               @JsonProperty("habilitation_pour_organiser_l_evaluation") Boolean habilitationPourOrganiserLEvaluation,
                               @JsonProperty("sirets_organismes_certificateurs") List<String> siretsOrganismesCertificateurs) {
    }

    /** Maps Quiforme's record. */
    public static CertificationsQualiopi from(JsonNode q) {
        List<Declaration> declarations = new ArrayList<>();
        for (JsonNode nda : q.path("nda")) {
            Map<String, Specialite> specialites = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= 3; i++) {
                specialites.put("specialite_" + i, new Specialite(text(nda, "code_specialite_" + i), text(nda, "libelle_specialite_" + i)));
            }
            declarations.add(new Declaration(text(nda, "nda"), true, text(nda, "date_derniere_declaration"),
                    text(nda, "debut_exercice"), text(nda, "fin_exercice"),
                    new Qualiopi(bool(nda, "qualiopi_action_formation"), bool(nda, "qualiopi_bilan_competence"),
                            bool(nda, "qualiopi_vae"), bool(nda, "qualiopi_apprentissage"),
                            viaUniteLegale(text(nda, "obtention_qualiopi"))),
                    specialites));
        }
        List<Habilitation> habilitations = new ArrayList<>();
        for (JsonNode h : q.path("habilitations")) {
            if ("Supprimé".equals(text(h, "etat_habilitation"))) {
                continue;
            }
            List<String> certificateurs = new ArrayList<>();
            h.path("certificateur").forEach(c -> certificateurs.add(text(c, "siret")));
            habilitations.add(new Habilitation(text(h, "code_fc"), bool(h, "actif"), date(text(h, "date_habilitation")),
                    date(text(h, "date_fin_enregistrement")), date(text(h, "date_decision")),
                    bool(h, "a_former"), bool(h, "a_organiser"), certificateurs));
        }
        return new CertificationsQualiopi(new Data(text(q, "siret_actif"), text(q.path("etablissement"), "uai"),
                bool(q.path("unite_legale"), "multinda"), declarations, habilitations), Map.of(), Map.of());
    }

    static Boolean viaUniteLegale(String obtention) {
        if (obtention == null || obtention.isBlank()) {
            return null;
        }
        if (obtention.contains("direct sur le NDA")) {
            return false;
        }
        return obtention.contains("par propagation via") ? Boolean.TRUE : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    /** A date ({@code 2024-01-01}, {@code 01/01/2024}) or timestamp → its ISO date; another shape is passed on as it is. */
    static String date(String value) {
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, FRENCH_DATE)) {
            try {
                return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value, format).toString();
            } catch (DateTimeParseException e) {
                // next shape
            }
        }
        return value;
    }
}
