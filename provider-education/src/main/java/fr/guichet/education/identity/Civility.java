package fr.guichet.education.identity;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.operation.OperationCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The identity of a civility or FranceConnect call, from the query the gateway forwards
 * ({@code nomNaissance}, {@code prenoms[]}, {@code anneeDateNaissance}, {@code moisDateNaissance},
 * {@code jourDateNaissance}, {@code sexeEtatCivil}, {@code codeCogInseeCommuneNaissance}): a
 * FranceConnect identity arrives in the same parameters. The gateway has validated them; they are
 * read again here so that a malformed call never becomes a 500. Never logged.
 *
 * @param sex {@code M}, {@code F}, or null when the operation does not require it and the call omits it
 * @param birthCommune the COG code of the birth commune, or null
 */
public record Civility(String birthName, List<String> givenNames, int year, int month, int day, String sex,
                       String birthCommune) {

    private static final Map<String, String> CODES = Map.of(
            "nomNaissance", "00420", "prenoms[]", "00421", "anneeDateNaissance", "00422",
            "moisDateNaissance", "00423", "jourDateNaissance", "00424", "sexeEtatCivil", "00427");

    /**
     * Reads the identity of {@code call}.
     *
     * @param sexRequired whether {@code sexeEtatCivil} must be there (MESRI, MEN)
     * @throws ApiException 422 with one error per missing or malformed parameter (errors.yml's
     *         00420 to 00424 and 00427, {@code source.parameter} naming it)
     */
    public static Civility of(OperationCall call, boolean sexRequired) {
        List<ApiError> errors = new ArrayList<>();
        String name = call.queryParameter("nomNaissance");
        if (name == null || name.isBlank()) {
            errors.add(error("nomNaissance"));
        }
        List<String> givenNames = call.query().getOrDefault("prenoms[]", call.query().getOrDefault("prenoms", List.of()))
                .stream().filter(p -> p != null && !p.isBlank()).toList();
        if (givenNames.isEmpty()) {
            errors.add(error("prenoms[]"));
        }
        int year = number(call, "anneeDateNaissance", 0, 9999, errors);
        int month = number(call, "moisDateNaissance", 0, 12, errors);
        int day = number(call, "jourDateNaissance", 0, 31, errors);
        String sex = call.queryParameter("sexeEtatCivil");
        if (sex != null && !sex.isBlank()) {
            sex = sex.toUpperCase(Locale.ROOT);
            if (!sex.equals("M") && !sex.equals("F")) {
                errors.add(error("sexeEtatCivil"));
            }
        } else {
            sex = null;
            if (sexRequired) {
                errors.add(error("sexeEtatCivil"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, errors);
        }
        String commune = call.queryParameter("codeCogInseeCommuneNaissance");
        return new Civility(name, givenNames, year, month, day, sex, commune == null || commune.isBlank() ? null : commune);
    }

    /**
     * {@code YYYY-MM-DD}; an unknown month or day is {@code 00}, as the reference sends it
     * (its {@code Civility::FormatDateNaissance}).
     */
    public String isoBirthDate() {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, knownMonth(), knownDay());
    }

    /** {@code DD/MM/YYYY}, the form CNOUS asks for. */
    public String frenchBirthDate() {
        return String.format(Locale.ROOT, "%02d/%02d/%04d", day, month, year);
    }

    /** The first given name: MESRI and MEN search on it alone. */
    public String firstGivenName() {
        return givenNames.get(0);
    }

    /** {@code 1} for M, {@code 2} for F: MESRI's and MEN's code, or null when the call gave no sex. */
    public String sexCode() {
        return sex == null ? null : sex.equals("M") ? "1" : "2";
    }

    private int knownMonth() {
        return year == 0 ? 0 : month;
    }

    private int knownDay() {
        return year == 0 || month == 0 ? 0 : day;
    }

    private static int number(OperationCall call, String name, int min, int max, List<ApiError> errors) {
        String raw = call.queryParameter(name);
        try {
            int value = Integer.parseInt(raw == null ? "" : raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(error(name));
        return 0;
    }

    private static ApiError error(String parameter) {
        return ParameterErrors.error(CODES.get(parameter), parameter);
    }
}
