package fr.guichet.status.civility;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.operation.OperationCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity of a person as API Particulier's civility routes take it, and as the gateway
 * forwards it for a FranceConnect route (the FranceConnect identity as these same parameters).
 *
 * @param codeCogInseeCommuneNaissance null when not given (born abroad)
 */
public record Civility(String nomNaissance, List<String> prenoms, int anneeDateNaissance, int moisDateNaissance,
                       int jourDateNaissance, String sexeEtatCivil, String codeCogInseePaysNaissance,
                       String codeCogInseeCommuneNaissance) {

    /** France's COG code among countries: a birth place is a commune only there. */
    public static final String FRANCE = "99100";

    /**
     * Reads the identity of {@code call}. The gateway has checked it against openapi-particulier.yaml;
     * a direct call gets the same 422, naming every parameter missing or not a number at once
     * (errors.yml: {@code 00420} nom, {@code 00421} prénoms, {@code 00422}-{@code 00424} année, mois,
     * jour, {@code 00427} sexe, {@code 00400} pays).
     *
     * @throws ApiException 422 with every error
     */
    public static Civility from(OperationCall call) {
        List<ApiError> errors = new ArrayList<>();
        String nom = call.queryParameter("nomNaissance");
        if (nom == null || nom.isBlank()) {
            errors.add(missing("00420", "nomNaissance"));
        }
        List<String> prenoms = call.query().getOrDefault("prenoms[]", call.query().getOrDefault("prenoms", List.of()));
        if (prenoms.isEmpty() || prenoms.get(0).isBlank()) {
            errors.add(missing("00421", "prenoms[]"));
        }
        int annee = number(call, "anneeDateNaissance", "00422", errors);
        int mois = number(call, "moisDateNaissance", "00423", errors);
        int jour = number(call, "jourDateNaissance", "00424", errors);
        String sexe = call.queryParameter("sexeEtatCivil");
        if (sexe == null || !(sexe.equalsIgnoreCase("M") || sexe.equalsIgnoreCase("F"))) {
            errors.add(missing("00427", "sexeEtatCivil"));
        }
        String pays = call.queryParameter("codeCogInseePaysNaissance");
        if (pays == null || pays.isBlank()) {
            errors.add(missing("00400", "codeCogInseePaysNaissance"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, errors);
        }
        return new Civility(nom, List.copyOf(prenoms), annee, mois, jour, sexe.toUpperCase(java.util.Locale.ROOT), pays,
                call.queryParameter("codeCogInseeCommuneNaissance"));
    }

    private static int number(OperationCall call, String parameter, String code, List<ApiError> errors) {
        try {
            return Integer.parseInt(String.valueOf(call.queryParameter(parameter)).strip());
        } catch (NumberFormatException e) {
            errors.add(missing(code, parameter));
            return 0;
        }
    }

    private static ApiError missing(String code, String parameter) {
        return ParameterErrors.invalid(code, parameter);
    }
}
