package fr.guichet.finance.banquedefrance.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Banque de France's {@code bilans} as API Entreprise's v3 collection
 * ({@code /v3/banque_de_france/unites_legales/{siren}/bilans}), with the fields and the liasse
 * codes ({@code code_nref}) of API Entreprise's BuildResourceCollectionWithoutDictionaries:
 * {@code annee}, {@code date_arrete_exercice} ({@code YYYY-MM}), {@code declarations} (forms 2051,
 * 2052, 2053, 2057: {@code code_nref}, {@code valeurs}, {@code evolution}) and
 * {@code valeurs_calculees}. Amounts come in thousands of euros ({@code "monnaie":"kEuros"}) and
 * leave in euros, as strings; a missing or unreadable amount is {@code "0"}, as API Entreprise
 * does. Evolutions ({@code "-2,34%"}) leave as numbers rounded to 2 decimals, the French decimal
 * comma read as such; an empty or unreadable one ({@code "-"}) is {@code null}. Not done: the
 * enrichment of each {@code donnee} by the DGFIP's liasses fiscales dictionary ({@code code},
 * {@code code_EDI}, {@code intitule}, {@code code_absolu}, {@code code_type_donnee}: optional in the
 * official schema).
 */
public final class Bilans {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");
    private static final BigInteger THOUSAND = BigInteger.valueOf(1000);
    /** The upstream's misspelt key of the third debts line, renamed before mapping (as API Entreprise does). */
    private static final String DETTES3 = "dettes3EmpruntsEtDettesAupresDesEtablissementsdeCredit";
    private static final String DETTES3_UPSTREAM = "dettes3EmruntsEtDettesAupresDesEtablissementsdeCredit";

    /** One liasse line: its form, its code_nref and the upstream key it comes from. */
    private record Line(String form, String codeNref, String key) {
    }

    private static final List<Line> LINES = List.of(
            new Line("2051", "300476", "totalPassif"),
            new Line("2051", "300438", "capitauxPropresEtAssimiles"),
            new Line("2051", "300414", "dontCapitalSocial"),
            new Line("2051", "302359", "totalProvisionsPourRisquesEtCharges"),
            new Line("2051", "300451", "dettes1EmpruntsObligatairesEtConvertibles"),
            new Line("2051", "300453", "dettes2AutresEmpruntsObligataires"),
            new Line("2051", "300455", DETTES3),
            new Line("2051", "300458", "empruntsEtDettesFinancieresDivers"),
            new Line("2052", "300506", "caHT"),
            new Line("2053", "300606", "resultatExercice"),
            new Line("2057", "301195", "groupesEtAssocies"));

    private Bilans() {
    }

    /**
     * The API Entreprise body of a non-empty {@code bilans} array; balance sheets whose
     * {@code dureeExercice} is {@code "-"} are left out. Empty when a balance sheet has no
     * readable {@code dateArrete} (YYYYMM).
     */
    public static Optional<String> toApiEntreprise(JsonNode bilans) {
        ArrayNode items = NODES.arrayNode();
        for (JsonNode bilan : bilans) {
            if ("-".equals(bilan.path("dureeExercice").asText())) {
                continue;
            }
            String dateArrete = bilan.path("dateArrete").asText("");
            if (!dateArrete.matches("\\d{6}")) {
                return Optional.empty();
            }
            ObjectNode item = items.addObject();
            item.set("data", bilan(bilan, dateArrete));
            item.putObject("links");
            item.putObject("meta");
        }
        ObjectNode body = NODES.objectNode();
        body.set("data", items);
        body.putObject("links");
        body.putObject("meta").put("count", items.size());
        try {
            return Optional.of(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode bilan(JsonNode bilan, String dateArrete) {
        ObjectNode data = NODES.objectNode();
        data.put("annee", dateArrete.substring(0, 4));
        data.put("date_arrete_exercice", dateArrete.substring(0, 4) + "-" + dateArrete.substring(4, 6));
        ArrayNode declarations = data.putArray("declarations");
        ObjectNode declaration = null;
        for (Line line : LINES) {
            if (declaration == null || !line.form().equals(declaration.path("numero_imprime").asText())) {
                declaration = declarations.addObject();
                declaration.put("numero_imprime", line.form());
                declaration.putArray("donnees");
            }
            ObjectNode donnee = ((ArrayNode) declaration.get("donnees")).addObject();
            donnee.put("code_nref", line.codeNref());
            donnee.putArray("valeurs").add(euros(value(bilan, line.key())));
            donnee.set("evolution", percent(value(bilan, "evolution" + Character.toUpperCase(line.key().charAt(0))
                    + line.key().substring(1))));
        }
        ObjectNode computed = data.putArray("valeurs_calculees").addObject();
        amount(computed, "disponibilites", bilan, "disponibilites", "evolutionDisponibilites");
        // The upstream's own spelling of this evolution key.
        amount(computed, "total_dettes_stables", bilan, "totalDettesStables", "evolutionTotaltotalDettesStables");
        amount(computed, "valeur_ajoutee_bdf", bilan, "valeurAjouteeBdf", "evolutionValeurAjouteeBdf");
        amount(computed, "besoin_en_fonds_de_roulement", bilan, "besoinEnFondsDeRoulement", "evolutionBesoinEnFondsDeRoulement");
        amount(computed, "excedent_brut_exploitation", bilan, "ebe", "evolutionEbe");
        amount(computed, "capacite_autofinancement", bilan, "caf", "evolutionCaf");
        amount(computed, "fonds_roulement_net_global", bilan, "frng", "evolutionFrng");
        ObjectNode ratio = computed.putObject("ratio_fonds_roulement_net_global_sur_besoin_en_fonds_de_roulement");
        // A ratio the Banque de France could not compute ("-") is left out: the schema's valeur is a non-null number.
        JsonNode ratioValue = percent(value(bilan, "frng/bfr"));
        if (!ratioValue.isNull()) {
            ratio.set("valeur", ratioValue);
        }
        ratio.set("evolution", percent(value(bilan, "evolutionFrng/Bfr")));
        amount(computed, "dettes4_maturite_a_un_an_au_plus", bilan, "dettes4DontAUnAnAuPlus", "evolutionDettes4DontAUnAnAuPlus");
        return data;
    }

    private static void amount(ObjectNode target, String name, JsonNode bilan, String key, String evolutionKey) {
        ObjectNode amount = target.putObject(name);
        amount.put("valeur", euros(value(bilan, key)));
        amount.set("evolution", percent(value(bilan, evolutionKey)));
    }

    private static String value(JsonNode bilan, String key) {
        JsonNode node = bilan.get(key);
        if ((node == null || node.isNull()) && DETTES3.equals(key)) {
            node = bilan.get(DETTES3_UPSTREAM);
        }
        return node == null || node.isNull() ? "" : node.asText();
    }

    /** Thousands of euros to euros, as API Entreprise writes them: the leading integer × 1000, else {@code "0"}. */
    static String euros(String thousands) {
        Matcher m = LEADING_INTEGER.matcher(thousands);
        if (!m.find()) {
            return "0";
        }
        return new BigInteger(m.group(1).replace("+", "")).multiply(THOUSAND).toString();
    }

    /** {@code "-2,34%"} → -2.34; empty or unreadable → null. */
    static JsonNode percent(String value) {
        String cleaned = value.replace("%", "").replace(",", ".").replace("+", "").strip();
        if (cleaned.isEmpty()) {
            return NODES.nullNode();
        }
        try {
            return NODES.numberNode(new BigDecimal(cleaned).setScale(2, RoundingMode.HALF_UP));
        } catch (NumberFormatException e) {
            return NODES.nullNode();
        }
    }
}
