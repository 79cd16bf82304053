package fr.guichet.gateway.validation;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.identifier.Eori;
import fr.guichet.common.identifier.RnaId;
import fr.guichet.common.identifier.Siren;
import fr.guichet.common.identifier.Siret;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.service.Errors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a data call before any quota is spent or provider called: traceability parameters
 * ({@code context}, {@code object}, {@code recipient}), identifiers' checksums (SIREN, SIRET, RNA,
 * EORI and the routes that take one of several), years and months
 * in range, sizes. Every failure is a 422 with the API Entreprise code, never a 500.
 */
@ApplicationScoped
public class ParameterValidator {

    public static final int MAX_TRACE_PARAMETER = 255;
    public static final int MAX_PARAMETER = 512;
    public static final Set<String> ENSU_FAMILIES = Set.of("declaratives", "bancaires", "creances", "paiements",
            "remboursements", "obligations_fiscales", "habilitations");
    public static final Set<String> ENSU_DOCUMENT_TYPES = Set.of("idensua", "docdistrib", "doccfs");
    private static final Pattern IDSP = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{1,2}");
    private static final int FIRST_YEAR = 2000;
    private static final String CONTROL = "Le paramètre %s contient un caractère de contrôle (retour à la ligne, caractère nul...)";

    private final Clock clock;

    public ParameterValidator() {
        this(Clock.system(ZoneId.of("Europe/Paris")));
    }

    public ParameterValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Throws a 422 listing every traceability error at once, or the first error of another
     * parameter or of an identifier. Values are checked exactly as received ({@link QueryParameters}):
     * a recipient with a trailing space or line feed is not a SIRET (API Entreprise takes exactly
     * 14 ASCII digits), and a control character is refused in any value.
     *
     * @param query the call's parameters as {@link QueryParameters#values()} (never the token)
     */
    public void validate(Route route, Map<String, String> pathVariables, Map<String, List<String>> query) {
        List<ApiError> errors = new ArrayList<>();
        String context = first(query, "context");
        String object = first(query, "object");
        String recipient = first(query, "recipient");
        traceParameter(errors, "00201", "context", context);
        traceParameter(errors, "00202", "object", object);
        if (recipient == null || recipient.isEmpty()) {
            errors.add(Errors.of("00203"));
        } else if (!Siret.isValid(recipient)) {
            errors.add(Errors.of("00210"));
        }
        if (!errors.isEmpty()) {
            throw Errors.status(422, errors);
        }
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            String name = p.getKey();
            for (String value : p.getValue()) {
                if (name.length() > 64 || (value != null && value.length() > MAX_PARAMETER)) {
                    throw new ApiException(422, Errors.invalidParameter(name,
                            "Le paramètre " + abbreviate(name) + " dépasse la taille autorisée (" + MAX_PARAMETER + " caractères)"));
                }
                if (value != null && QueryParameters.hasControl(value)) {
                    throw new ApiException(422, Errors.invalidParameter(name, CONTROL.formatted(abbreviate(name))));
                }
            }
        }
        for (Map.Entry<String, String> v : pathVariables.entrySet()) {
            checkVariable(v.getKey(), v.getValue());
        }
        String year = pathVariables.get("year");
        String month = pathVariables.get("month");
        if (year != null && month != null) {
            int y = Integer.parseInt(year);
            int m = Integer.parseInt(month);
            if (y == Year.now(clock).getValue() && m > java.time.LocalDate.now(clock).getMonthValue()) {
                throw Errors.status(422, "00305");
            }
        }
    }

    /**
     * One of the traceability parameters ({@code context}, {@code object}): present, free of control
     * characters (a value of only a line feed is said to hold one, not to be missing), not blank, at
     * most {@value #MAX_TRACE_PARAMETER} characters; else its code ({@code 00201}, {@code 00202}).
     */
    private static void traceParameter(List<ApiError> errors, String code, String name, String value) {
        if (value != null && QueryParameters.hasControl(value)) {
            errors.add(Errors.of(code).withDetail(CONTROL.formatted(name)));
        } else if (blank(value)) {
            errors.add(Errors.of(code));
        } else if (value.length() > MAX_TRACE_PARAMETER) {
            errors.add(Errors.of(code).withDetail("Le paramètre " + name + " ne doit pas dépasser " + MAX_TRACE_PARAMETER + " caractères"));
        }
    }

    private void checkVariable(String name, String value) {
        switch (name) {
            case "siren" -> {
                if (!Siren.isValid(value)) {
                    throw Errors.status(422, "00301");
                }
            }
            case "siret" -> {
                if (!Siret.isValid(value)) {
                    throw Errors.status(422, "00302");
                }
            }
            // Association and customs routes take one of several identifiers; the codes are API
            // Entreprise's (errors.yml: 00303, 00333, 00330, 00304).
            case "siret_or_rna" -> {
                if (!Siret.isValid(value) && !RnaId.isValid(value)) {
                    throw Errors.status(422, "00303");
                }
            }
            case "siren_or_rna" -> {
                if (!Siren.isValid(value) && !RnaId.isValid(value)) {
                    throw Errors.status(422, "00333");
                }
            }
            case "siren_or_siret_or_rna" -> {
                if (!Siren.isValid(value) && !Siret.isValid(value) && !RnaId.isValid(value)) {
                    throw Errors.status(422, "00330");
                }
            }
            case "siret_or_eori" -> {
                if (!Siret.isValid(value) && !Eori.isValid(value)) {
                    throw Errors.status(422, "00304");
                }
            }
            case "year" -> {
                if (!YEAR.matcher(value).matches()) {
                    throw Errors.status(422, "00307");
                }
                int y = Integer.parseInt(value);
                if (y < FIRST_YEAR || y > Year.now(clock).getValue()) {
                    throw new fr.guichet.common.error.ApiException(422, Errors.of("00307").withDetail(
                            "L'année doit être comprise entre " + FIRST_YEAR + " et l'année en cours"));
                }
            }
            case "month" -> {
                if (!MONTH.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 12) {
                    throw Errors.status(422, "00305");
                }
            }
            case "famille" -> {
                if (!ENSU_FAMILIES.contains(value)) {
                    throw new fr.guichet.common.error.ApiException(422, Errors.of("00201").withDetail(
                            "Famille de documents inconnue : " + abbreviate(value) + ". Familles : " + String.join(", ", ENSU_FAMILIES.stream().sorted().toList()))
                            .withMeta("parameter", "famille"));
                }
            }
            case "type" -> {
                if (!ENSU_DOCUMENT_TYPES.contains(value)) {
                    throw new fr.guichet.common.error.ApiException(422, Errors.of("00201").withDetail(
                            "Type d'identifiant documentaire inconnu : idensua, docdistrib ou doccfs")
                            .withMeta("parameter", "type"));
                }
            }
            case "idsp" -> {
                if (!IDSP.matcher(value).matches()) {
                    throw new fr.guichet.common.error.ApiException(422, Errors.of("00201").withDetail(
                            "L'identifiant de substitution provisoire (IDSP) n'est pas correctement formaté")
                            .withMeta("parameter", "idsp"));
                }
            }
            case "document" -> {
                if (!DOCUMENT.matcher(value).matches()) {
                    throw new fr.guichet.common.error.ApiException(422, Errors.of("00201").withDetail(
                            "L'identifiant documentaire (IDENSUA, DOCDISTRIB ou DOCCFS) n'est pas correctement formaté")
                            .withMeta("parameter", "document"));
                }
            }
            default -> {
                if (value.length() > MAX_PARAMETER) {
                    throw Errors.status(422, "00201");
                }
            }
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
