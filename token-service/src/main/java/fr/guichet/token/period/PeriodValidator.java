package fr.guichet.token.period;

import fr.guichet.token.error.TokenErrors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks the periods an operator gives a habilitation, and puts them in their stored form (years
 * sorted and distinct). Every refusal is a 422 {@code 00801} naming the field ({@code periods.<scope>}).
 */
final class PeriodValidator {

    /** Years a period may name: the ENSU archives do not go back further, and a typo is caught. */
    static final int FIRST_YEAR = 1950;
    static final int LAST_YEAR = 2100;

    private PeriodValidator() {
    }

    /**
     * @param periods the requested periods per scope
     * @param scopes  the habilitation's scopes: only they may be restricted
     * @return the periods to store, in request order
     * @throws fr.guichet.common.error.ApiException 422 {@code 00801} on a missing map, a scope the
     *         habilitation does not hold, a period with neither or both forms, an empty or
     *         out-of-range list of years, a malformed date or a range ending before it starts
     */
    static Map<String, OpenPeriod> valid(Map<String, OpenPeriod> periods, Collection<String> scopes) {
        if (periods == null) {
            throw TokenErrors.invalid("periods", "Le champ « periods » est obligatoire ({} pour n'en restreindre aucune).");
        }
        Map<String, OpenPeriod> out = new LinkedHashMap<>();
        for (Map.Entry<String, OpenPeriod> e : periods.entrySet()) {
            String field = "periods." + e.getKey();
            if (!scopes.contains(e.getKey())) {
                throw TokenErrors.invalid(field, "L'habilitation ne porte pas la portée « " + e.getKey()
                        + " » : seules ses portées peuvent être restreintes à des périodes.");
            }
            out.put(e.getKey(), period(field, e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static OpenPeriod period(String field, OpenPeriod p) {
        if (p == null) {
            throw TokenErrors.invalid(field, "Donnez les années ouvertes (« years ») ou un intervalle de dates (« from », « to »).");
        }
        boolean range = p.from() != null || p.to() != null;
        if (p.years() != null && range) {
            throw TokenErrors.invalid(field, "Donnez soit « years », soit « from »/« to », pas les deux.");
        }
        if (p.years() != null) {
            if (p.years().isEmpty()) {
                throw TokenErrors.invalid(field, "La liste « years » est vide : retirez la portée de l'habilitation pour ne rien ouvrir.");
            }
            TreeSet<Integer> years = new TreeSet<>();
            for (Integer y : p.years()) {
                if (y == null || y < FIRST_YEAR || y > LAST_YEAR) {
                    throw TokenErrors.invalid(field, "Une année ouverte doit être comprise entre " + FIRST_YEAR + " et " + LAST_YEAR + ".");
                }
                years.add(y);
            }
            return new OpenPeriod(List.copyOf(new ArrayList<>(years)), null, null);
        }
        if (!range) {
            throw TokenErrors.invalid(field, "Donnez les années ouvertes (« years ») ou un intervalle de dates (« from », « to »).");
        }
        LocalDate from = date(field, p.from());
        LocalDate to = date(field, p.to());
        if (from != null && to != null && to.isBefore(from)) {
            throw TokenErrors.invalid(field, "L'intervalle se termine (" + to + ") avant de commencer (" + from + ").");
        }
        return new OpenPeriod(null, from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw TokenErrors.invalid(field, "« " + value + " » n'est pas une date AAAA-MM-JJ.");
        }
    }
}
