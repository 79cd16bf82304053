package fr.guichet.cnav.dss.mapping;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The civility parameters of an API Particulier call (as the gateway forwards them, FranceConnect
 * routes included) and their form in CNAV's query string, as the reference implementation sends
 * them ({@code CNAV::MakeRequest#request_params}): names transliterated to ASCII, first names joined
 * by spaces, the birth date {@code YYYY-MM-DD} with {@code 00} for an unknown month or day, the
 * birth commune only for a person born in France ({@code 99100}), the sex upper-cased.
 *
 * <p>Personal data: {@link #toString()} says nothing of the person.
 */
public record Civility(String nomNaissance, String nomUsage, List<String> prenoms, int anneeDateNaissance,
                       int moisDateNaissance, int jourDateNaissance, String sexeEtatCivil,
                       String codeCogInseePaysNaissance, String codeCogInseeCommuneNaissance,
                       String nomCommuneNaissance, String codeCogInseeDepartementNaissance) {

    /** INSEE's code of France among birth countries: only then is the birth commune sent. */
    static final String FRANCE = "99100";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * Reads the wire-named parameters ({@code nomNaissance}, {@code prenoms[]}...). The gateway has
     * validated them; a number that does not read is taken as unknown (0) rather than failing.
     */
    public static Civility from(Map<String, List<String>> query) {
        List<String> prenoms = query.containsKey("prenoms[]") ? query.get("prenoms[]") : query.getOrDefault("prenoms", List.of());
        return new Civility(first(query, "nomNaissance"), first(query, "nomUsage"), List.copyOf(prenoms),
                number(first(query, "anneeDateNaissance")), number(first(query, "moisDateNaissance")),
                number(first(query, "jourDateNaissance")), first(query, "sexeEtatCivil"),
                first(query, "codeCogInseePaysNaissance"), first(query, "codeCogInseeCommuneNaissance"),
                first(query, "nomCommuneNaissance"), first(query, "codeCogInseeDepartementNaissance"));
    }

    /**
     * {@code YYYY-MM-DD}; the day is 0 when the year or the month is unknown, the month 0 when the
     * year is (the reference's {@code Civility::FormatDateNaissance}).
     */
    public String dateNaissance() {
        int month = anneeDateNaissance == 0 ? 0 : moisDateNaissance;
        int day = anneeDateNaissance == 0 || moisDateNaissance == 0 ? 0 : jourDateNaissance;
        return String.format(Locale.ROOT, "%04d-%02d-%02d", anneeDateNaissance, month, day);
    }

    /** CNAV's query parameters, in the reference's order; absent values are not sent. */
    public Map<String, String> upstreamQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "nomUsage", transliterate(nomUsage));
        put(query, "nomNaissance", transliterate(nomNaissance));
        put(query, "listePrenoms", prenoms.isEmpty() ? null : transliterate(String.join(" ", prenoms)));
        put(query, "dateNaissance", dateNaissance());
        put(query, "codeLieuNaissance", FRANCE.equals(codeCogInseePaysNaissance) ? codeCogInseeCommuneNaissance : null);
        put(query, "codePaysNaissance", codeCogInseePaysNaissance);
        put(query, "villeNaissance", nomCommuneNaissance);
        put(query, "depNaissance", codeCogInseeDepartementNaissance);
        put(query, "genre", sexeEtatCivil == null ? null : sexeEtatCivil.toUpperCase(Locale.ROOT));
        return query;
    }

    /** Latin letters without their accents, ligatures spelt out (ActiveSupport's transliterate, which the reference uses). */
    static String transliterate(String value) {
        if (value == null) {
            return null;
        }
        String spelt = value.replace("Œ", "OE").replace("œ", "oe").replace("Æ", "AE").replace("æ", "ae").replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(spelt, Normalizer.Form.NFD)).replaceAll("");
    }

    @Override
    public String toString() {
        return "Civility[personal data not shown]";
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.put(name, value);
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank() ? null
                : values.get(0).strip();
    }

    private static int number(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
