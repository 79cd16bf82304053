package fr.guichet.insee.sirene.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * INSEE nomenclatures that turn Sirene codes into the labels API Entreprise answers with
 * (class path {@code nomenclatures/}, see its NOTICE).
 */
public final class Nomenclatures {

    public static final String NOT_REFERENCED = "non référencé";

    private static final Map<String, String> NAF_REV2 = load("nomenclatures/naf-rev2.tsv");
    private static final Map<String, String> LEGAL_CATEGORIES = load("nomenclatures/categories-juridiques.tsv");

    /** Tranche d'effectif: code → [de, a, intitulé] (Sirene 3.11 documentation). */
    private static final Map<String, Object[]> HEADCOUNT_BANDS = Map.ofEntries(
            Map.entry("NN", new Object[] {null, null, "Unités non employeuses"}),
            Map.entry("00", new Object[] {0, 0, "0 salarié"}),
            Map.entry("01", new Object[] {1, 2, "1 ou 2 salariés"}),
            Map.entry("02", new Object[] {3, 5, "3 à 5 salariés"}),
            Map.entry("03", new Object[] {6, 9, "6 à 9 salariés"}),
            Map.entry("11", new Object[] {10, 19, "10 à 19 salariés"}),
            Map.entry("12", new Object[] {20, 49, "20 à 49 salariés"}),
            Map.entry("21", new Object[] {50, 99, "50 à 99 salariés"}),
            Map.entry("22", new Object[] {100, 199, "100 à 199 salariés"}),
            Map.entry("31", new Object[] {200, 249, "200 à 249 salariés"}),
            Map.entry("32", new Object[] {250, 499, "250 à 499 salariés"}),
            Map.entry("41", new Object[] {500, 999, "500 à 999 salariés"}),
            Map.entry("42", new Object[] {1000, 1999, "1 000 à 1 999 salariés"}),
            Map.entry("51", new Object[] {2000, 4999, "2 000 à 4 999 salariés"}),
            Map.entry("52", new Object[] {5000, 9999, "5 000 à 9 999 salariés"}),
            Map.entry("53", new Object[] {10000, null, "10 000 salariés et plus"}));

    /** Type de voie: INSEE's abbreviation → the label the OpenAPI enumerates. */
    private static final Map<String, String> STREET_TYPES = Map.ofEntries(
            Map.entry("ALL", "ALLÉE"), Map.entry("AV", "AVENUE"), Map.entry("BD", "BOULEVARD"),
            Map.entry("CAR", "CARREFOUR"), Map.entry("CHE", "CHEMIN"), Map.entry("CHS", "CHAUSSÉE"),
            Map.entry("CITE", "CITÉ"), Map.entry("COR", "CORNICHE"), Map.entry("CRS", "COURS"),
            Map.entry("DOM", "DOMAINE"), Map.entry("DSC", "DESCENTE"), Map.entry("ECA", "ECART"),
            Map.entry("ESP", "ESPLANADE"), Map.entry("FG", "FAUBOURG"), Map.entry("GR", "GRANDE RUE"),
            Map.entry("HAM", "HAMEAU"), Map.entry("HLE", "HALLE"), Map.entry("IMP", "IMPASSE"),
            Map.entry("LD", "LIEU-DIT"), Map.entry("LOT", "LOTISSEMENT"), Map.entry("MAR", "MARCHÉ"),
            Map.entry("MTE", "MONTÉE"), Map.entry("PAS", "PASSAGE"), Map.entry("PL", "PLACE"),
            Map.entry("PLN", "PLAINE"), Map.entry("PLT", "PLATEAU"), Map.entry("PRO", "PROMENADE"),
            Map.entry("PRV", "PARVIS"), Map.entry("QUA", "QUARTIER"), Map.entry("QUAI", "QUAI"),
            Map.entry("RES", "RÉSIDENCE"), Map.entry("RLE", "RUELLE"), Map.entry("ROC", "ROCADE"),
            Map.entry("RPT", "ROND-POINT"), Map.entry("RTE", "ROUTE"), Map.entry("RUE", "RUE"),
            Map.entry("SEN", "SENTIER"), Map.entry("SQ", "SQUARE"), Map.entry("TPL", "TERRE-PLEIN"),
            Map.entry("TRA", "TRAVERSE"), Map.entry("VLA", "VILLA"), Map.entry("VLGE", "VILLAGE"));

    /** Indice de répétition: INSEE's letter → the word the OpenAPI enumerates. */
    private static final Map<String, String> REPETITION_INDICES = Map.of(
            "B", "bis", "T", "ter", "Q", "quarter", "C", "quinquies");

    private Nomenclatures() {
    }

    /** Label of an activity code in its nomenclature; only NAF rév. 2 is supported, as API Entreprise. */
    public static String activityLabel(String code, String nomenclature) {
        if (code == null) {
            return NOT_REFERENCED;
        }
        if ("NAFRev2".equals(nomenclature)) {
            return NAF_REV2.getOrDefault(code, NOT_REFERENCED);
        }
        if ("NAF1993".equals(nomenclature) || "NAFRev1".equals(nomenclature) || "NAP".equals(nomenclature)) {
            return "ancienne révision NAF (" + nomenclature + ") non supportée";
        }
        return NOT_REFERENCED;
    }

    public static String legalCategoryLabel(String code) {
        return code == null ? NOT_REFERENCED : LEGAL_CATEGORIES.getOrDefault(code, NOT_REFERENCED);
    }

    /** [de, a, intitulé], or nulls for an unknown or absent code. */
    public static Object[] headcountBand(String code) {
        Object[] band = code == null ? null : HEADCOUNT_BANDS.get(code);
        return band == null ? new Object[] {null, null, null} : band;
    }

    public static String streetType(String code) {
        return code == null ? null : STREET_TYPES.getOrDefault(code, code);
    }

    public static String repetitionIndex(String code) {
        return code == null ? null : REPETITION_INDICES.getOrDefault(code, code.toLowerCase());
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> table = new HashMap<>();
        InputStream in = Nomenclatures.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing class-path resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
                int tab = line.indexOf('\t');
                table.put(line.substring(0, tab), line.substring(tab + 1).strip());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
        return Map.copyOf(table);
    }
}
