package fr.guichet.cnav.dss.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;

/**
 * The {@code data} of the quotient familial (reference: {@code CNAV::QuotientFamilialV2::BuildResource},
 * fields of openapi-particulier.yaml): the family (allocataires, enfants, adresse) and the
 * quotient: who computed it ({@code fournisseur}, the régime CNAV's answer names in its
 * {@code X-APISECU-FD} header), its value, the month asked for, and the month it was computed for
 * (CNAF's {@code annee}/{@code mois}; the MSA computes it for the current month, which its answer
 * does not say).
 */
public final class QuotientFamilial {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QuotientFamilial() {
    }

    /**
     * @param fournisseur {@code CNAF} or {@code MSA}
     * @param requested   the month asked for (the call's {@code annee}/{@code mois}, else the current month)
     * @param current     the current month (Europe/Paris)
     */
    public static ObjectNode data(JsonNode body, String fournisseur, YearMonth requested, YearMonth current) {
        ObjectNode data = JSON.objectNode();
        data.set("allocataires", Famille.persons(body.path("allocataires"), false));
        data.set("enfants", Famille.persons(body.path("enfants"), false));
        data.set("adresse", Famille.address(body.path("adresse")));
        ObjectNode quotient = data.putObject("quotient_familial").put("fournisseur", fournisseur);
        JsonNode value = body.path("quotientFamilial");
        if (value.isNumber() || (value.isTextual() && value.asText().matches("-?\\d{1,9}"))) {
            quotient.put("valeur", value.asInt());
        } else {
            quotient.putNull("valeur");
        }
        quotient.put("annee", requested.getYear()).put("mois", requested.getMonthValue());
        boolean msa = "MSA".equals(fournisseur);
        quotient.set("annee_calcul", msa ? JSON.numberNode(current.getYear()) : number(body.path("annee")));
        quotient.set("mois_calcul", msa ? JSON.numberNode(current.getMonthValue()) : number(body.path("mois")));
        return data;
    }

    private static JsonNode number(JsonNode value) {
        if (value.isNumber()) {
            return JSON.numberNode(value.asInt());
        }
        return value.isTextual() && value.asText().matches("\\d{1,4}") ? JSON.numberNode(Integer.parseInt(value.asText()))
                : JSON.nullNode();
    }
}
