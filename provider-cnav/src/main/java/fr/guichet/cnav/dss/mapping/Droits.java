package fr.guichet.cnav.dss.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code data} of the prestations CNAV answers with an indicator ({@code indicateur},
 * {@code dateIndicateur}, {@code listePrestation}): AAH, ASF, C2S, prime d'activité, RSA, AEEH.
 * Rules of the reference implementation ({@code CNAV::<Prestation>::BuildResource}) and fields of
 * openapi-particulier.yaml:
 * <ul>
 *   <li>{@code est_beneficiaire}: the indicator is not {@code NON_BENEFICIAIRE}
 *       ({@code NON_BENEFICIAIRE_CSS} for the C2S);</li>
 *   <li>{@code date_debut_droit}: {@code dateIndicateur} ({@code YYYY-MM-DD}), null for a non-beneficiary;</li>
 *   <li>{@code avec_majoration} (prime d'activité, RSA): from the code of the earliest opened right
 *       still open ({@code etat.cd} 10) among the prestation's codes (FA3106/FA3102 with, FA3105/FA3101
 *       without), null for a non-beneficiary or when no such right is listed;</li>
 *   <li>{@code avec_participation} (C2S): the indicator is {@code BENEFICIAIRE_AVEC_PARTICIPATION_FINANCIERE};</li>
 *   <li>{@code status} (AEEH): the indicator in lower case.</li>
 * </ul>
 */
public final class Droits {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int OPEN = 10;

    private Droits() {
    }

    /** Allocation adulte handicapé, allocation de soutien familial: {@code est_beneficiaire}, {@code date_debut_droit}. */
    public static ObjectNode beneficiaire(JsonNode body) {
        boolean beneficiary = !"NON_BENEFICIAIRE".equals(indicator(body));
        ObjectNode data = JSON.objectNode().put("est_beneficiaire", beneficiary);
        data.put("date_debut_droit", beneficiary ? date(body) : null);
        return data;
    }

    /** Prime d'activité, RSA: with {@code avec_majoration}, read from the codes {@code majored} / {@code plain}. */
    public static ObjectNode avecMajoration(JsonNode body, String majored, String plain) {
        boolean beneficiary = !"NON_BENEFICIAIRE".equals(indicator(body));
        ObjectNode data = JSON.objectNode().put("est_beneficiaire", beneficiary);
        Optional<String> code = beneficiary ? earliestOpen(body, List.of(majored, plain)) : Optional.empty();
        if (code.isPresent()) {
            data.put("avec_majoration", code.get().equals(majored));
        } else {
            data.putNull("avec_majoration");
        }
        data.put("date_debut_droit", beneficiary ? date(body) : null);
        return data;
    }

    /** Complémentaire santé solidaire: {@code est_beneficiaire}, {@code avec_participation}, {@code date_debut_droit}. */
    public static ObjectNode complementaireSante(JsonNode body) {
        String indicator = indicator(body);
        boolean beneficiary = !"NON_BENEFICIAIRE_CSS".equals(indicator);
        ObjectNode data = JSON.objectNode().put("est_beneficiaire", beneficiary);
        data.put("avec_participation", beneficiary && "BENEFICIAIRE_AVEC_PARTICIPATION_FINANCIERE".equals(indicator));
        data.put("date_debut_droit", beneficiary ? date(body) : null);
        return data;
    }

    /** Allocation d'éducation de l'enfant handicapé: {@code status}, {@code date_debut_droit}. */
    public static ObjectNode statut(JsonNode body) {
        String indicator = indicator(body);
        boolean beneficiary = !"NON_BENEFICIAIRE".equals(indicator);
        ObjectNode data = JSON.objectNode().put("status", indicator == null ? null : indicator.toLowerCase(java.util.Locale.ROOT));
        data.put("date_debut_droit", beneficiary ? date(body) : null);
        return data;
    }

    /** {@code {"data": data, "links": {}, "meta": {}}}: API Particulier's envelope. */
    public static ObjectNode envelope(ObjectNode data) {
        ObjectNode answer = JSON.objectNode();
        answer.set("data", data);
        answer.set("links", JSON.objectNode());
        answer.set("meta", JSON.objectNode());
        return answer;
    }

    private static String indicator(JsonNode body) {
        return body.path("indicateur").asText(null);
    }

    /** {@code dateIndicateur} as {@code YYYY-MM-DD} (it may carry a time), null when absent or unreadable. */
    private static String date(JsonNode body) {
        String value = body.path("dateIndicateur").asText("");
        if (value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10)).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Optional<String> earliestOpen(JsonNode body, List<String> codes) {
        String found = null;
        LocalDate foundOpening = null;
        for (JsonNode prestation : body.path("listePrestation")) {
            String code = prestation.path("cd").asText(null);
            if (!codes.contains(code) || prestation.path("etat").path("cd").asInt(-1) != OPEN) {
                continue;
            }
            LocalDate opening = parse(prestation.path("dtOuvertureDroit").asText(""));
            if (found == null || (opening != null && (foundOpening == null || opening.isBefore(foundOpening)))) {
                found = code;
                foundOpening = opening;
            }
        }
        return Optional.ofNullable(found);
    }

    private static LocalDate parse(String value) {
        try {
            return value.length() < 10 ? null : LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
