package fr.guichet.dgfip.liasse.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading helpers for DGFIP's liasse fiscale JSON ({@code entreprise}, {@code declarations[]} with
 * {@code imprime.donnees[]}): a datum is either {@code {"code_nref","valeur"}} or a repeated
 * {@code {"code_nref","valeurs":{"indiceRepetition","valeur"}}}; lists of one may be plain objects.
 */
final class UpstreamLiasse {

    private UpstreamLiasse() {
    }

    static List<JsonNode> declarations(JsonNode root) {
        List<JsonNode> list = new ArrayList<>();
        Dictionary.asArray(root.path("declarations")).forEach(list::add);
        return list;
    }

    static List<JsonNode> declarations(JsonNode root, String numeroImprime) {
        return declarations(root).stream().filter(d -> numeroImprime.equals(d.path("numero_imprime").asText())).toList();
    }

    /** N-REF code → (repetition index → value), in the order DGFIP sent them; plain values get index 1. */
    static Map<String, TreeMap<Integer, String>> values(JsonNode declaration) {
        Map<String, TreeMap<Integer, String>> values = new LinkedHashMap<>();
        for (JsonNode datum : Dictionary.asArray(declaration.path("imprime").path("donnees"))) {
            String nref = datum.path("code_nref").asText();
            TreeMap<Integer, String> byIndex = values.computeIfAbsent(nref, k -> new TreeMap<>());
            if (datum.has("valeurs")) {
                for (JsonNode v : Dictionary.asArray(datum.get("valeurs"))) {
                    if (v.isObject()) {
                        byIndex.put(v.path("indiceRepetition").asInt(1), textOrNull(v.get("valeur")));
                    } else {
                        byIndex.put(byIndex.size() + 1, textOrNull(v));
                    }
                }
            } else {
                byIndex.put(byIndex.isEmpty() ? 1 : byIndex.lastKey() + 1, textOrNull(datum.get("valeur")));
            }
        }
        return values;
    }

    static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
