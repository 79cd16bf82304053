package fr.guichet.education.mesri.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.education.answer.Answers;
import java.util.Map;

/**
 * MESRI's student, as API Particulier v3 shapes it (the reference's
 * {@code MESRI::StudentStatus::BuildResource} and {@code StatutEtudiantSerializer::V3}):
 * {@code identite} and one {@code admissions} entry per enrolment, the régime's code from its
 * label. Every attribute is given; the gateway masks what the caller's scopes do not open.
 */
public final class StatutEtudiant {

    /** The régimes MESRI names, and their API Particulier codes. */
    static final Map<String, String> REGIME_CODES = Map.of(
            "formation initiale", "RF1",
            "formation initiale hors apprentissage", "RF2",
            "reprise d'études non financée sans convention", "RF3",
            "contrat d'apprentissage", "RF4",
            "formation continue", "RF5",
            "formation continue hors contrat professionnel", "RF6",
            "contrat de professionnalisation", "RF7");

    private StatutEtudiant() {
    }

    /** The {@code data} of the answer for MESRI's {@code student}. */
    public static ObjectNode data(JsonNode student) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ObjectNode identite = data.putObject("identite");
        identite.set("nom_naissance", student.path("nomFamille"));
        identite.set("prenom", student.has("prenom") ? student.get("prenom") : JsonNodeFactory.instance.nullNode());
        identite.set("date_naissance", Answers.date(student.get("dateNaissance")));
        var admissions = data.putArray("admissions");
        for (JsonNode inscription : student.path("inscriptions")) {
            ObjectNode admission = admissions.addObject();
            admission.set("date_debut", Answers.date(inscription.get("dateDebutInscription")));
            admission.set("date_fin", Answers.date(inscription.get("dateFinInscription")));
            admission.put("est_inscrit", "inscrit".equals(inscription.path("statut").asText()));
            ObjectNode regime = admission.putObject("regime_formation");
            String label = inscription.path("regime").asText(null);
            regime.put("libelle", label);
            regime.put("code", label == null ? null : REGIME_CODES.get(label));
            admission.put("code_cog_insee_commune", inscription.path("codeCommune").asText(null));
            ObjectNode etablissement = admission.putObject("etablissement_etudes");
            etablissement.put("uai", inscription.path("etablissement").path("uai").asText(null));
            etablissement.put("nom", inscription.path("etablissement").path("nomEtablissement").asText(null));
        }
        return data;
    }
}
