package fr.guichet.education.men.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * MEN's pupil, as API Particulier shapes it (the reference's {@code MEN::Scolarites::BuildResource}
 * and {@code ScolaritesSerializer::V3}/{@code V4}/{@code V5}): v5 adds {@code regime_pensionnat}.
 * Every attribute is given; the gateway masks what the caller's scopes do not open.
 */
public final class Scolarite {

    /** MEN's boarding codes and their labels. */
    static final Map<String, String> REGIMES = Map.of(
            "0", "Externe libre",
            "1", "Externe surveillé",
            "2", "Demi-pensionnaire dans l'établissement",
            "3", "Interne dans l'établissement",
            "4", "Interne externé",
            "5", "Interne hébergé",
            "6", "Demi-pensionnaire hors l'établissement");

    private Scolarite() {
    }

    /** The {@code data} for MEN's {@code pupil}; {@code withBoarding} for v5. */
    public static ObjectNode data(JsonNode pupil, boolean withBoarding) {
        JsonNode identification = pupil.path("identification");
        JsonNode scolarite = pupil.path("info-scolarite");
        JsonNode bourse = pupil.path("info-bourse");
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ObjectNode identite = data.putObject("identite");
        identite.put("nom", identification.path("nom").asText(null));
        identite.put("prenom", identification.path("prenom").asText(null));
        identite.put("sexe", identification.path("sexe").asInt() == 1 ? "M" : "F");
        identite.put("date_naissance", identification.path("date-naissance").asText(null));
        data.put("annee_scolaire", identification.path("annee-scolaire").asText(null));
        data.put("est_scolarise", scolarite.path("est-scolarise").asBoolean());
        ObjectNode statut = data.putObject("statut_eleve");
        statut.put("code", scolarite.path("statut-eleve").path("code").asText(null));
        statut.put("libelle", scolarite.path("statut-eleve").path("libelle").asText(null));
        ObjectNode mef = data.putObject("module_elementaire_formation");
        mef.put("code_mef_stat", scolarite.path("code-mef-stat").asText(null));
        mef.put("libelle", scolarite.path("libelle-long-mef").asText(null));
        data.set("est_boursier", value(bourse.path("est-boursier")));
        data.set("echelon_bourse", value(bourse.path("niveau-bourse")));
        ObjectNode etablissement = data.putObject("etablissement");
        etablissement.put("code_uai", identification.path("etablissement").path("code-uai").asText(null));
        etablissement.put("code_ministere_tutelle", identification.path("etablissement").path("ministere-tutelle").asText(null));
        if (withBoarding) {
            String code = scolarite.path("code-regime").asText(null);
            if (code == null) {
                data.putNull("regime_pensionnat");
            } else {
                data.putObject("regime_pensionnat").put("code", code).put("libelle", REGIMES.get(code));
            }
        }
        return data;
    }

    private static JsonNode value(JsonNode node) {
        return node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
    }
}
