package fr.guichet.registers.rnm.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code /v3/cma_france/rnm/unites_legales/{siren}}: of the RNM's record, API
 * Entreprise's v3 serializer keeps the exercise mode ({@code ent_act_modalite_exercice}: P, S, NR)
 * and the non-sedentary flag ({@code ent_act_non_sedentaire}: 0, 1).
 */
public final class EntrepriseArtisanale {

    private EntrepriseArtisanale() {
    }

    public static Map<String, Object> body(JsonNode rnm) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("modalite_exercice", text(rnm, "ent_act_modalite_exercice"));
        data.put("non_sedentaire", text(rnm, "ent_act_non_sedentaire"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("links", Map.of());
        body.put("meta", Map.of());
        return body;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
