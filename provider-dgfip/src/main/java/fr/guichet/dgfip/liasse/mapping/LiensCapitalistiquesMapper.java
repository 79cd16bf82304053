package fr.guichet.dgfip.liasse.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * DGFIP liasse fiscale → API Entreprise {@code liens_capitalistiques}: shareholders from form 2059F
 * and subsidiaries from form 2059G, by the N-REF codes the official OpenAPI names. DGFIP sends
 * amounts, percentages and counts in hundredths ({@code "5100"} = 51 %).
 */
@ApplicationScoped
public class LiensCapitalistiquesMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // 2059F: personnes morales
    static final String PM_DENOMINATION = "304857", PM_COMPLEMENT = "304858", PM_SIREN = "304859",
            PM_PARTS = "304860", PM_POURCENTAGE = "304861", PM_FORME = "306875";
    static final List<String> PM_ADRESSE = List.of("304862", "304863", "304864", "304865", "304866", "304867");
    // 2059F: personnes physiques
    static final String PP_NOM = "304868", PP_NOM_MARITAL = "304869", PP_PARTS = "304870", PP_POURCENTAGE = "304871",
            PP_NAISSANCE = "304878", PP_CIVILITE = "306874";
    static final List<String> PP_ADRESSE = List.of("304872", "304873", "304874", "304875", "304876", "304877");
    static final String PP_TOTAL = "309326", PP_NOMBRE = "309325", PM_TOTAL = "309324", PM_NOMBRE = "309323",
            CAPITAL_NEANT = "305767";
    // 2059G: filiales
    static final String FIL_DENOMINATION = "304958", FIL_COMPLEMENT = "304959", FIL_SIREN = "304960",
            FIL_FORME = "306876", FIL_POURCENTAGE = "304967", FIL_NOMBRE = "309327", PARTICIPATIONS_NEANT = "305768";
    static final List<String> FIL_ADRESSE = List.of("304961", "304962", "304963", "304964", "304965", "304966");
    private static final List<String> ADRESSE_FIELDS = List.of("numero", "voie", "lieu_dit_hameau", "code_postal",
            "ville", "pays");

    public ObjectNode toBody(JsonNode upstream) {
        ObjectNode data = NODES.objectNode();
        data.set("capital", capital(UpstreamLiasse.declarations(upstream, "2059F")));
        data.set("participations", participations(UpstreamLiasse.declarations(upstream, "2059G")));
        ObjectNode body = NODES.objectNode();
        body.set("data", data);
        body.set("links", NODES.objectNode());
        body.set("meta", NODES.objectNode());
        return body;
    }

    private ObjectNode capital(List<JsonNode> forms) {
        ObjectNode capital = NODES.objectNode();
        ArrayNode actionnaires = capital.putArray("actionnaires");
        ObjectNode repartition = capital.putObject("repartition");
        if (forms.isEmpty()) {
            repartition.set("personnes_physiques", totals(null, null));
            repartition.set("personnes_morales", totals(null, null));
            capital.putNull("depose_neant");
            return capital;
        }
        Map<String, TreeMap<Integer, String>> v = UpstreamLiasse.values(forms.get(0));
        for (int i : indices(v, PM_DENOMINATION, PM_SIREN, PM_PARTS, PM_POURCENTAGE)) {
            ObjectNode a = actionnaire("personne_morale", v, i, PM_POURCENTAGE, PM_PARTS);
            a.set("personne_physique_attributes", personnePhysique(Map.of(), 0));
            ObjectNode pm = a.putObject("personne_morale_attributes");
            pm.put("siren", get(v, PM_SIREN, i));
            pm.put("denomination", get(v, PM_DENOMINATION, i));
            pm.put("complement_denomination", get(v, PM_COMPLEMENT, i));
            pm.put("forme_juridique", get(v, PM_FORME, i));
            a.set("adresse", adresse(v, PM_ADRESSE, i));
            actionnaires.add(a);
        }
        for (int i : indices(v, PP_NOM, PP_PARTS, PP_POURCENTAGE, PP_NAISSANCE)) {
            ObjectNode a = actionnaire("personne_physique", v, i, PP_POURCENTAGE, PP_PARTS);
            a.set("personne_physique_attributes", personnePhysique(v, i));
            ObjectNode pm = a.putObject("personne_morale_attributes");
            pm.putNull("siren");
            pm.putNull("denomination");
            pm.putNull("complement_denomination");
            pm.putNull("forme_juridique");
            a.set("adresse", adresse(v, PP_ADRESSE, i));
            actionnaires.add(a);
        }
        repartition.set("personnes_physiques", totals(hundredths(get(v, PP_TOTAL, 1)), hundredths(get(v, PP_NOMBRE, 1))));
        repartition.set("personnes_morales", totals(hundredths(get(v, PM_TOTAL, 1)), hundredths(get(v, PM_NOMBRE, 1))));
        capital.put("depose_neant", v.containsKey(CAPITAL_NEANT));
        return capital;
    }

    private ObjectNode participations(List<JsonNode> forms) {
        ObjectNode participations = NODES.objectNode();
        ArrayNode filiales = participations.putArray("filiales");
        if (forms.isEmpty()) {
            participations.put("nombre_filiales", 0);
            participations.putNull("depose_neant");
            return participations;
        }
        Map<String, TreeMap<Integer, String>> v = UpstreamLiasse.values(forms.get(0));
        for (int i : indices(v, FIL_DENOMINATION, FIL_SIREN, FIL_POURCENTAGE)) {
            ObjectNode f = NODES.objectNode();
            f.put("siren", get(v, FIL_SIREN, i));
            f.put("denomination", get(v, FIL_DENOMINATION, i));
            f.put("complement_denomination", get(v, FIL_COMPLEMENT, i));
            f.put("forme_juridique", get(v, FIL_FORME, i));
            f.set("pourcentage_detention", percentage(get(v, FIL_POURCENTAGE, i)));
            f.set("adresse", adresse(v, FIL_ADRESSE, i));
            filiales.add(f);
        }
        BigDecimal count = hundredths(get(v, FIL_NOMBRE, 1));
        participations.set("nombre_filiales", count == null ? NODES.numberNode(filiales.size()) : number(count));
        participations.put("depose_neant", v.containsKey(PARTICIPATIONS_NEANT));
        return participations;
    }

    private static ObjectNode actionnaire(String type, Map<String, TreeMap<Integer, String>> v, int i,
                                          String pourcentage, String parts) {
        ObjectNode a = NODES.objectNode();
        a.put("type", type);
        a.set("pourcentage", percentage(get(v, pourcentage, i)));
        BigDecimal p = hundredths(get(v, parts, i));
        a.set("nombre_parts", p == null ? NODES.nullNode() : number(p));
        return a;
    }

    private static ObjectNode personnePhysique(Map<String, TreeMap<Integer, String>> v, int i) {
        ObjectNode pp = NODES.objectNode();
        pp.put("civilite", get(v, PP_CIVILITE, i));
        pp.put("nom_patronymique_et_prenoms", get(v, PP_NOM, i));
        pp.put("nom_marital", get(v, PP_NOM_MARITAL, i));
        ObjectNode naissance = pp.putObject("date_naissance");
        String date = get(v, PP_NAISSANCE, i);
        // Only year and month leave Guichet: the day is personal data the contract does not need.
        naissance.put("annee", date != null && date.length() >= 4 ? date.substring(0, 4) : null);
        naissance.put("mois", date != null && date.length() >= 6 ? date.substring(4, 6) : null);
        return pp;
    }

    private static ObjectNode adresse(Map<String, TreeMap<Integer, String>> v, List<String> nrefs, int i) {
        ObjectNode adresse = NODES.objectNode();
        for (int k = 0; k < ADRESSE_FIELDS.size(); k++) {
            adresse.put(ADRESSE_FIELDS.get(k), get(v, nrefs.get(k), i));
        }
        return adresse;
    }

    private static ObjectNode totals(BigDecimal total, BigDecimal count) {
        ObjectNode o = NODES.objectNode();
        o.set("total_actions", total == null ? NODES.nullNode() : number(total));
        o.set("nombre", count == null ? NODES.nullNode() : number(count));
        return o;
    }

    private static TreeSet<Integer> indices(Map<String, TreeMap<Integer, String>> v, String... nrefs) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (String nref : nrefs) {
            TreeMap<Integer, String> values = v.get(nref);
            if (values != null) {
                indices.addAll(values.keySet());
            }
        }
        return indices;
    }

    private static String get(Map<String, TreeMap<Integer, String>> v, String nref, int index) {
        TreeMap<Integer, String> values = v.get(nref);
        return values == null ? null : values.get(index);
    }

    static BigDecimal hundredths(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip()).movePointLeft(2);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode percentage(String value) {
        BigDecimal p = hundredths(value);
        return p == null ? NODES.nullNode() : NODES.numberNode(p.doubleValue());
    }

    /** Whole numbers as integers (510), others as decimals. */
    private static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? NODES.numberNode(stripped.longValueExact()) : NODES.numberNode(value.doubleValue());
    }
}
