package fr.guichet.education.cnous.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.education.answer.Answers;

/**
 * CNOUS's scholarship holder, as API Particulier shapes it (the reference's
 * {@code CNOUS::BuildResource} and {@code EtudiantBoursier::V3}/{@code V4}): v3 says
 * {@code est_boursier}, v4 {@code statut_boursier} (est_boursier, est_radie, date_radiation).
 * Every attribute is given; the gateway masks what the caller's scopes do not open.
 */
public final class EtudiantBoursier {

    private EtudiantBoursier() {
    }

    /** The v3 {@code data} for CNOUS's {@code student}. */
    public static ObjectNode v3(JsonNode student) {
        ObjectNode data = common(student);
        data.set("est_boursier", student.path("boursier"));
        return data;
    }

    /** The v4 {@code data} for CNOUS's {@code student}. */
    public static ObjectNode v4(JsonNode student) {
        ObjectNode data = common(student);
        ObjectNode statut = data.putObject("statut_boursier");
        statut.set("est_boursier", student.path("boursier"));
        statut.put("est_radie", "O".equals(student.path("removed").asText()));
        statut.set("date_radiation", Answers.date(student.get("removalDate")));
        return data;
    }

    private static ObjectNode common(JsonNode student) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ObjectNode identite = data.putObject("identite");
        identite.set("nom", student.path("lastName"));
        ArrayNode prenoms = identite.putArray("prenoms");
        // The reference lists firstName and firstName2; a missing second given name is left out.
        for (String field : new String[] {"firstName", "firstName2"}) {
            if (student.path(field).isTextual() && !student.path(field).asText().isBlank()) {
                prenoms.add(student.get(field).asText());
            }
        }
        identite.set("date_naissance", Answers.date(student.get("birthDate")));
        JsonNode birthPlace = student.path("birthPlace");
        identite.put("nom_commune_naissance", birthPlace.isObject() ? birthPlace.path("libelle").asText(null)
                : student.path("birthPlaceLibelle").asText(null));
        identite.put("sexe", student.path("civility").asText(null));
        data.put("email", student.path("email").asText(null));
        ObjectNode echelon = data.putObject("echelon_bourse");
        echelon.put("echelon", student.path("grantEchelon").asText(null));
        echelon.put("echelon_bourse_regionale_provisoire", student.path("grantStatus").asInt(0) > 0);
        ObjectNode periode = data.putObject("periode_versement_bourse");
        periode.set("date_rentree", Answers.date(student.get("backToSchoolDate")));
        periode.set("duree", student.path("paymentDuration").isMissingNode() ? JsonNodeFactory.instance.nullNode()
                : student.get("paymentDuration"));
        ObjectNode etablissement = data.putObject("etablissement_etudes");
        etablissement.put("nom_commune", student.path("studyTown").asText(null));
        etablissement.put("nom_etablissement", student.path("schoolName").asText(null));
        return data;
    }
}
