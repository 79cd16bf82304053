package fr.guichet.cnav.dss.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * The {@code data} of the participation familiale EAJE (reference:
 * {@code CNAV::ParticipationFamilialeEAJE::BuildResource} and {@code ValidateResponse}): the family
 * with birth places, the address, and the parameters of the computation (children in charge,
 * children receiving the AEEH, the year's resources). The participation concerns children under 7:
 * a family without one is not eligible ({@link #hasChildUnder7}).
 */
public final class ParticipationFamiliale {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int AGE_LIMIT = 7;

    private ParticipationFamiliale() {
    }

    public static ObjectNode data(JsonNode body) {
        ObjectNode data = JSON.objectNode();
        data.set("allocataires", Famille.persons(body.path("allocataires"), true));
        data.set("enfants", Famille.persons(body.path("enfants"), true));
        data.set("adresse", Famille.address(body.path("adresse")));
        ObjectNode parameters = data.putObject("parametres_calcul_participation_familiale");
        parameters.set("nombre_enfants_beneficiaire_aeeh", body.path("nombreBeneficiaireAEH").isNumber()
                ? body.get("nombreBeneficiaireAEH") : JSON.nullNode());
        parameters.set("nombre_enfants_a_charge", body.path("nombreEnfantACharge").isNumber()
                ? body.get("nombreEnfantACharge") : JSON.nullNode());
        ObjectNode resources = parameters.putObject("base_ressources_annuelles");
        resources.set("valeur", body.path("montantRessources").isNumber() ? body.get("montantRessources") : JSON.nullNode());
        resources.put("annee_calcul", body.path("annee").asInt(0));
        return data;
    }

    /** Whether one child of the answer is younger than 7 on {@code today}; an unreadable birth date counts as no child. */
    public static boolean hasChildUnder7(JsonNode body, LocalDate today) {
        for (JsonNode child : body.path("enfants")) {
            try {
                LocalDate birth = LocalDate.parse(child.path("dateNaissance").asText(""));
                if (Period.between(birth, today).getYears() < AGE_LIMIT) {
                    return true;
                }
            } catch (DateTimeParseException e) {
                // A partial date (day or month 00) cannot be compared; the reference would fail on it too.
            }
        }
        return false;
    }
}
