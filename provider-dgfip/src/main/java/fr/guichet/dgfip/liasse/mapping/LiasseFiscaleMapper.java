package fr.guichet.dgfip.liasse.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/**
 * DGFIP liasse fiscale → API Entreprise {@code liasses_fiscales}: obligations fiscales from
 * {@code entreprise.setOcfis}, declarations with each datum labelled from the {@link Dictionary},
 * {@code meta.internal_id_itip} from {@code entreprise.itip}.
 */
@ApplicationScoped
public class LiasseFiscaleMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Map<String, String> OBLIGATION_LABELS = Map.of(
            "IS", "Impôt sur les sociétés",
            "IS GROUPE", "Impôt sur les sociétés dû par le groupe",
            "BIC", "Bénéfices industriels et commerciaux",
            "BA", "Bénéfices agricoles",
            "BNC", "Bénéfices non commerciaux");

    private static final Map<String, String> REGIME_LABELS = Map.of(
            "RN", "Réel normal",
            "RS", "Réel simplifié",
            "RSI", "Réel simplifié",
            "RNMEMBRE", "Réel normal groupe (membre)",
            "RNGROUPE", "Réel normal groupe (tête de groupe)",
            "DECC", "Déclaration contrôlée");

    private final Dictionary dictionary;

    public LiasseFiscaleMapper(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The whole body: {@code data}, {@code links}, {@code meta}. */
    public ObjectNode toBody(JsonNode upstream) {
        JsonNode entreprise = upstream.path("entreprise");
        ObjectNode data = NODES.objectNode();
        ArrayNode obligations = data.putArray("obligations_fiscales");
        for (JsonNode ocfi : Dictionary.asArray(entreprise.path("setOcfis"))) {
            obligations.add(obligation(ocfi));
        }
        ArrayNode declarations = data.putArray("declarations");
        for (JsonNode declaration : UpstreamLiasse.declarations(upstream)) {
            declarations.add(declaration(declaration));
        }
        ObjectNode body = NODES.objectNode();
        body.set("data", data);
        body.set("links", NODES.objectNode());
        ObjectNode meta = body.putObject("meta");
        meta.put("internal_id_itip", entreprise.path("itip").asText(""));
        return body;
    }

    private ObjectNode obligation(JsonNode ocfi) {
        String code = ocfi.path("codeObf").asText();
        String normalised = "ISGROUPE".equals(code) ? "IS GROUPE" : code;
        ObjectNode o = NODES.objectNode();
        o.put("id", ocfi.path("numOcfi").asText());
        o.put("code", normalised);
        String label = ocfi.path("libelleObf").asText(null);
        o.put("libelle", label != null ? label : OBLIGATION_LABELS.getOrDefault(normalised, normalised));
        JsonNode rof = ocfi.has("ROF") ? ocfi.get("ROF") : ocfi.path("rof");
        o.put("reference", rof.asText());
        o.put("regime", ocfi.path("regime").asText());
        return o;
    }

    private ObjectNode declaration(JsonNode d) {
        String form = d.path("numero_imprime").asText();
        ObjectNode o = NODES.objectNode();
        o.put("numero_imprime", form);
        ObjectNode regime = o.putObject("regime");
        String regimeCode = d.path("code_regime").asText();
        regime.put("code", regimeCode);
        regime.put("libelle", REGIME_LABELS.getOrDefault(regimeCode, regimeCode));
        o.put("date_declaration", d.path("date_declaration").asText());
        o.put("date_fin_exercice", d.path("fin_exercice").asText());
        o.put("duree_exercice", days(d.path("duree_exercice").asText()));
        o.put("millesime", d.path("millesime").asText());
        ArrayNode donnees = o.putArray("donnees");
        for (Map.Entry<String, TreeMap<Integer, String>> datum : UpstreamLiasse.values(d).entrySet()) {
            ObjectNode item = NODES.objectNode();
            dictionary.lookup(form, datum.getKey()).ifPresent(entry -> {
                putIfPresent(item, "code", entry.code());
                putIfPresent(item, "code_EDI", entry.codeEdi());
                putIfPresent(item, "code_absolu", entry.codeAbsolu());
                putIfPresent(item, "code_type_donnee", entry.codeTypeDonnee());
                putIfPresent(item, "intitule", entry.intitule());
            });
            item.put("code_nref", datum.getKey());
            item.set("valeurs", valeurs(datum.getValue()));
            donnees.add(item);
        }
        return o;
    }

    /** Ordered by repetition index; a missing index becomes {@code null}, as API Entreprise documents. */
    private static ArrayNode valeurs(TreeMap<Integer, String> byIndex) {
        ArrayNode values = NODES.arrayNode();
        int first = Math.min(1, byIndex.firstKey());
        for (int i = first; i <= byIndex.lastKey(); i++) {
            values.add(byIndex.get(i));
        }
        return values;
    }

    /** {@code "365 jours"} → 365. */
    static int days(String text) {
        String digits = text.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
