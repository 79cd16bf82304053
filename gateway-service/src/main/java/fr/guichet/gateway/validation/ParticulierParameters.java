package fr.guichet.gateway.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.identifier.Siret;
import fr.guichet.common.resource.ClassPathFiles;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.service.Errors;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the query of an API Particulier call before any quota is spent or provider called, with
 * the reference implementation's rules (its {@code Civility::*}, {@code CNAV::*}, {@code CNOUS::*},
 * {@code MEN::Scolarites::*}, {@code ServiceUser::ValidateINE} validators) applied to the
 * parameters that openapi-particulier.yaml gives the route ({@link Route#parameters()}):
 * <ul>
 *   <li>{@code recipient} is mandatory and a SIRET ({@code 00210});</li>
 *   <li>a parameter the OpenAPI marks required and the call lacks is an error with that
 *       parameter's code; a present one must have its format;</li>
 *   <li>identity: birth name and first names in letters, spaces, apostrophes and hyphens
 *       ({@code 00420}, {@code 00421}; 1 to 3 first names), sex M or F ({@code 00427}), birth date
 *       parts and a real date not in the future ({@code 00422}–{@code 00425}), birth country a COG
 *       code {@code 99xxx} or {@code 92352} ({@code 00400}), birth place a COG commune code, or the
 *       commune's name with its département ({@code 00428}) and the birth year ({@code 00365});</li>
 *   <li>CNAV routes use CNAV's codes (first names {@code 00367}, birth date {@code 00363}, birth
 *       place {@code 00365}), take partial birth dates, and need a birth place only for people born
 *       in France (country {@code 99100});</li>
 *   <li>{@code ine} ({@code 00360}, the four INE formats), {@code identifiant} ({@code 00380}),
 *       {@code immatriculation} ({@code 00430}), quotient familial's {@code annee}/{@code mois}
 *       ({@code 00353}, {@code 00356}, {@code 00354}), {@code campaignYear} 2021..N-1
 *       ({@code 00368}), MEN's school, year, degree and BCN perimeter ({@code 00410}–{@code 00419});</li>
 * </ul>
 * Every error of the call is returned in one 422. Parameters the route does not declare are
 * ignored, as the reference's parameter lists ignore them (the gateway does not forward them).
 * No input yields anything but a 422: values are matched by bounded patterns before any number
 * is parsed.
 */
@ApplicationScoped
public class ParticulierParameters {

    public static final String RECIPIENT = "recipient";
    public static final String PRENOMS = "prenoms[]";
    public static final int MAX_PRENOMS = 3;
    /** Longest value of a Particulier parameter, in characters. */
    public static final int MAX_VALUE = 256;
    private static final Pattern NAME = Pattern.compile("[a-zA-ZÀ-ÖØ-öø-ÿ' -]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern COMMUNE = Pattern.compile("([013-9]\\d|2[AB1-9])\\d{3}");
    private static final Pattern COUNTRY = Pattern.compile("\\d{5}");
    private static final List<Pattern> INE = List.of(
            Pattern.compile("[0-9]{9}[A-HJK]{2}", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\d{10}[A-HJ-NPR-Z]", Pattern.CASE_INSENSITIVE),
            Pattern.compile("[0-9A-Z]{10}\\d", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\d{4}A\\d{5}[A-HJ-NPR-Z]", Pattern.CASE_INSENSITIVE));
    private static final Pattern SCHOOL = Pattern.compile("\\d{7}[A-Za-z0-9_]");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("\\d{4}|\\d{4}-\\d{4}");
    private static final Set<String> DEGREES = Set.of("1D", "2D");
    private static final Set<String> OVERSEAS_DEPARTEMENTS = Set.of("971", "972", "973", "974", "976");
    private static final int FIRST_CAMPAIGN_YEAR = 2021;
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final String FRANCE = "99100";
    private static final String FRENCH_ALGERIA = "92352";
    private static final String DEPARTEMENTS_BCN = "guichet/reference/men/codes_bcn_departements.yml";
    private static final String REGIONS_BCN = "guichet/reference/men/codes_bcn_regions.yml";

    private final Clock clock;
    private final Set<String> departementsBcn;
    private final Set<String> regionsBcn;

    public ParticulierParameters() {
        this(Clock.system(ZoneId.of("Europe/Paris")));
    }

    public ParticulierParameters(Clock clock) {
        this.clock = clock;
        this.departementsBcn = codes(DEPARTEMENTS_BCN);
        this.regionsBcn = codes(REGIONS_BCN);
    }

    /** The errors of one call, in the order of the route's parameters. */
    private final class Check {
        final Route route;
        final Map<String, List<String>> query;
        final boolean cnav;
        final Map<String, ApiError> errors = new LinkedHashMap<>();

        Check(Route route, Map<String, List<String>> query) {
            this.route = route;
            this.query = query;
            this.cnav = "cnav".equals(route.provider());
        }

        boolean declared(String name) {
            return route.parameter(name).isPresent();
        }

        boolean required(String name) {
            return route.parameter(name).map(Route.QueryParameter::required).orElse(false);
        }

        /** The single value, null when absent; an empty value counts as absent (Rails' blank?). */
        String value(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() || v.get(0) == null || v.get(0).isBlank() ? null : v.get(0);
        }

        void fail(String parameter, String code, String detail) {
            errors.putIfAbsent(parameter, error(parameter, code, detail));
        }
    }

    /**
     * Throws one 422 listing every error of the call (each with {@code source.parameter}), or
     * returns when the call may go on.
     *
     * @param route a Particulier route ({@link Route#particulier()})
     * @param query the call's parameters as {@link QueryParameters#values()}; for a FranceConnect
     *              route, the partner's own parameters only (the identity comes from FranceConnect)
     */
    public void validate(Route route, Map<String, List<String>> query) {
        List<ApiError> errors = errors(route, query);
        if (!errors.isEmpty()) {
            throw Errors.status(422, errors);
        }
    }

    /** Every error of the call, empty when it may go on. */
    public List<ApiError> errors(Route route, Map<String, List<String>> query) {
        Check c = new Check(route, query);
        String recipient = c.value(RECIPIENT);
        if (recipient == null || !Siret.isValid(recipient)) {
            c.errors.put(RECIPIENT, Errors.of("00210"));
        }
        for (Route.QueryParameter p : route.parameters()) {
            String name = p.name();
            List<String> values = query.get(name);
            if (values != null && values.stream().anyMatch(v -> v != null && (v.length() > MAX_VALUE || QueryParameters.hasControl(v)))) {
                c.fail(name, code(c, name), "Le paramètre " + name + " contient un caractère de contrôle ou dépasse "
                        + MAX_VALUE + " caractères.");
            } else if (c.value(name) == null && p.required() && !name.equals(RECIPIENT)) {
                c.fail(name, missingCode(c, name), null);
            }
        }
        names(c);
        birthDate(c);
        gender(c);
        country(c);
        birthPlace(c);
        identifiers(c);
        familyQuotient(c);
        campaignYear(c);
        school(c);
        return List.copyOf(c.errors.values());
    }

    private void names(Check c) {
        String nom = c.value("nomNaissance");
        if (c.declared("nomNaissance") && nom != null && !NAME.matcher(nom).matches()) {
            c.fail("nomNaissance", "00420", "Le nom de naissance ne peut contenir que des lettres, espaces, apostrophes et tirets.");
        }
        List<String> prenoms = c.query.get(PRENOMS);
        if (c.declared(PRENOMS) && prenoms != null) {
            String code = c.cnav ? "00367" : "00421";
            if (prenoms.size() > MAX_PRENOMS) {
                c.fail(PRENOMS, code, "Au plus " + MAX_PRENOMS + " prénoms peuvent être fournis.");
            } else if (prenoms.stream().anyMatch(p -> p == null || p.isBlank() || !NAME.matcher(p).matches())) {
                c.fail(PRENOMS, code, "Chaque prénom est non vide et ne contient que des lettres, espaces, apostrophes et tirets.");
            }
        }
    }

    /** Civility: each part present (when required) and a number, then a real date not in the future. */
    private void birthDate(Check c) {
        if (!c.declared("anneeDateNaissance")) {
            return;
        }
        String year = c.value("anneeDateNaissance");
        String month = c.value("moisDateNaissance");
        String day = c.value("jourDateNaissance");
        LocalDate today = LocalDate.now(clock);
        boolean ok = true;
        if (year != null && (!YEAR.matcher(year).matches() || Integer.parseInt(year) > today.getYear() || Integer.parseInt(year) < 1)) {
            c.fail("anneeDateNaissance", c.cnav ? "00363" : "00422", "L'année de naissance doit comporter 4 chiffres et ne pas être dans le futur.");
            ok = false;
        }
        if (month != null && (!DIGITS.matcher(month).matches() || Integer.parseInt(month) < 1 || Integer.parseInt(month) > 12)) {
            c.fail("moisDateNaissance", c.cnav ? "00363" : "00423", "Le mois de naissance doit être compris entre 1 et 12.");
            ok = false;
        }
        if (day != null && (!DIGITS.matcher(day).matches() || Integer.parseInt(day) < 1 || Integer.parseInt(day) > 31)) {
            c.fail("jourDateNaissance", c.cnav ? "00363" : "00424", "Le jour de naissance doit être compris entre 1 et 31.");
            ok = false;
        }
        if (ok && year != null && month != null && day != null) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
                // CNAV: between 1900-01-01 and yesterday (CNAV::ValidateDateNaissance); others: not in the future.
                if (date.isAfter(today) || (c.cnav && (date.isBefore(FIRST_BIRTH_DATE) || !date.isBefore(today)))) {
                    c.fail("jourDateNaissance", c.cnav ? "00363" : "00425", "La date de naissance n'est pas dans l'intervalle autorisé.");
                }
            } catch (DateTimeException e) {
                c.fail("jourDateNaissance", c.cnav ? "00363" : "00425", "La date de naissance n'existe pas.");
            }
        }
    }

    private void gender(Check c) {
        String sexe = c.value("sexeEtatCivil");
        if (c.declared("sexeEtatCivil") && sexe != null && !Set.of("M", "F").contains(sexe.toUpperCase(Locale.ROOT))) {
            c.fail("sexeEtatCivil", "00427", "Le sexe de l'état civil est M ou F.");
        }
    }

    private void country(Check c) {
        String pays = c.value("codeCogInseePaysNaissance");
        if (c.declared("codeCogInseePaysNaissance") && pays != null
                && !(COUNTRY.matcher(pays).matches() && (pays.startsWith("99") || pays.equals(FRENCH_ALGERIA)))) {
            c.fail("codeCogInseePaysNaissance", "00400", null);
        }
    }

    /**
     * The commune's COG code, or (transcoding) its name, département and the birth year. CNAV: a
     * birth place is needed only for people born in France (CNAV::ValidateCodeCogINSEECommuneNaissanceOrTranscogageParams).
     */
    private void birthPlace(Check c) {
        if (!c.declared("codeCogInseeCommuneNaissance")) {
            return;
        }
        String commune = c.value("codeCogInseeCommuneNaissance");
        String name = c.value("nomCommuneNaissance");
        String departement = c.value("codeCogInseeDepartementNaissance");
        boolean bornInFrance = FRANCE.equals(c.value("codeCogInseePaysNaissance"));
        if (commune != null) {
            if (!COMMUNE.matcher(commune).matches()) {
                c.fail("codeCogInseeCommuneNaissance", "00365", "Le code COG de la commune de naissance comporte 5 caractères (ex. 08480, 2A004).");
            }
            return;
        }
        boolean transcoding = name != null || departement != null;
        if (transcoding && c.declared("nomCommuneNaissance")) {
            if (name == null) {
                c.fail("nomCommuneNaissance", "00365", "Le nom de la commune de naissance accompagne son département et l'année de naissance.");
            }
            if (departement == null || !departement(departement)) {
                c.fail("codeCogInseeDepartementNaissance", "00428", null);
            }
            if (c.value("anneeDateNaissance") == null) {
                c.fail("anneeDateNaissance", c.cnav ? "00363" : "00422",
                        "L'année de naissance est nécessaire pour retrouver la commune de naissance par son nom.");
            }
        } else if (c.cnav && bornInFrance) {
            c.fail("codeCogInseeCommuneNaissance", "00365",
                    "Pour une personne née en France, fournissez codeCogInseeCommuneNaissance, ou nomCommuneNaissance, "
                            + "codeCogInseeDepartementNaissance et anneeDateNaissance.");
        }
    }

    private static boolean departement(String code) {
        if (code.equals("2A") || code.equals("2B") || OVERSEAS_DEPARTEMENTS.contains(code)) {
            return true;
        }
        return code.length() == 2 && Character.isDigit(code.charAt(0)) && Character.isDigit(code.charAt(1))
                && Integer.parseInt(code) >= 1 && Integer.parseInt(code) <= 95;
    }

    private void identifiers(Check c) {
        String ine = c.value("ine");
        if (c.declared("ine") && ine != null && INE.stream().noneMatch(p -> p.matcher(ine).matches())) {
            c.fail("ine", "00360", null);
        }
    }

    /** Quotient familial: a year among N-2..N, a month 1..12 not in the future (CNAV::QuotientFamilialV2). */
    private void familyQuotient(Check c) {
        if (!c.declared("annee")) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        String annee = c.value("annee");
        String mois = c.value("mois");
        Integer year = null;
        if (annee != null) {
            if (!YEAR.matcher(annee).matches() || Integer.parseInt(annee) > today.getYear()) {
                c.fail("annee", "00353", null);
            } else if (Integer.parseInt(annee) < today.getYear() - 2) {
                c.fail("annee", "00356", null);
            } else {
                year = Integer.parseInt(annee);
            }
        }
        if (mois != null && c.declared("mois")) {
            if (!DIGITS.matcher(mois).matches() || Integer.parseInt(mois) < 1 || Integer.parseInt(mois) > 12
                    || (year != null && year >= today.getYear() && Integer.parseInt(mois) > today.getMonthValue())) {
                c.fail("mois", "00354", null);
            }
        }
    }

    private void campaignYear(Check c) {
        String year = c.value("campaignYear");
        if (c.declared("campaignYear") && year != null && (!YEAR.matcher(year).matches()
                || Integer.parseInt(year) < FIRST_CAMPAIGN_YEAR || Integer.parseInt(year) > LocalDate.now(clock).getYear() - 1)) {
            c.fail("campaignYear", "00368", null);
        }
    }

    /** MEN: a school code, or a BCN perimeter (exactly one kind, known codes) with a degree (MEN::Scolarites::ValidateSearchParams). */
    private void school(Check c) {
        if (!c.declared("anneeScolaire")) {
            return;
        }
        String year = c.value("anneeScolaire");
        if (year != null && !SCHOOL_YEAR.matcher(year).matches()) {
            c.fail("anneeScolaire", "00411", null);
        }
        String school = c.value("codeEtablissement");
        List<String> departements = present(c.query.get("codesBcnDepartements[]"));
        List<String> regions = present(c.query.get("codesBcnRegions[]"));
        boolean perimeter = departements != null || regions != null;
        if (school != null && perimeter) {
            c.fail("codeEtablissement", "00419", null);
        } else if (school != null) {
            if (!SCHOOL.matcher(school).matches()) {
                c.fail("codeEtablissement", "00410", null);
            }
        } else if (perimeter) {
            if (!DEGREES.contains(String.valueOf(c.value("degreEtablissement")))) {
                c.fail("degreEtablissement", "00412", null);
            }
            if (departements != null && regions != null) {
                c.fail("codesBcnDepartements[]", "00413", null);
            } else if (departements != null) {
                bcn(c, "codesBcnDepartements[]", departements, departementsBcn, "00416");
            } else {
                bcn(c, "codesBcnRegions[]", regions, regionsBcn, "00417");
            }
        } else {
            c.fail("codeEtablissement", "00410", "Fournissez codeEtablissement, ou un périmètre (codesBcnDepartements[] "
                    + "ou codesBcnRegions[]) avec degreEtablissement.");
        }
    }

    private static void bcn(Check c, String name, List<String> values, Set<String> known, String code) {
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            c.fail(name, "00414", null);
        } else if (!known.containsAll(values)) {
            c.fail(name, code, null);
        }
    }

    /** A list given with at least one value, else null (Rails' present?). */
    private static List<String> present(List<String> values) {
        return values == null || values.isEmpty() || values.stream().allMatch(v -> v == null || v.isEmpty()) ? null : values;
    }

    /** The code of a parameter's bad value. */
    private static String code(Check c, String name) {
        return switch (name) {
            case "nomNaissance", "nomUsage" -> "00420";
            case PRENOMS -> c.cnav ? "00367" : "00421";
            case "anneeDateNaissance" -> c.cnav ? "00363" : "00422";
            case "moisDateNaissance" -> c.cnav ? "00363" : "00423";
            case "jourDateNaissance" -> c.cnav ? "00363" : "00424";
            case "sexeEtatCivil" -> "00427";
            case "codeCogInseePaysNaissance" -> "00400";
            case "codeCogInseeCommuneNaissance", "nomCommuneNaissance" -> "00365";
            case "codeCogInseeDepartementNaissance" -> "00428";
            case "ine" -> "00360";
            case "identifiant" -> "00380";
            case "immatriculation" -> "00430";
            case "annee" -> "00353";
            case "mois" -> "00354";
            case "campaignYear" -> "00368";
            case "codeEtablissement" -> "00410";
            case "anneeScolaire" -> "00411";
            case "degreEtablissement" -> "00412";
            case "codesBcnDepartements[]" -> "00416";
            case "codesBcnRegions[]" -> "00417";
            case RECIPIENT -> "00210";
            default -> "00366";
        };
    }

    /** The code of a missing required parameter: the "manquant" codes where errors.yml has one. */
    private static String missingCode(Check c, String name) {
        return switch (name) {
            case "codeCogInseeCommuneNaissance" -> "00426";
            default -> code(c, name);
        };
    }

    private static ApiError error(String parameter, String code, String detail) {
        ApiError e = Errors.of(code);
        ApiError withSource = new ApiError(e.code(), e.title(), detail == null ? e.detail() : detail,
                Map.of("parameter", parameter), e.meta());
        return withSource;
    }

    private static Set<String> codes(String resource) {
        try (InputStream in = ClassPathFiles.open(resource)) {
            Map<?, ?> map = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
            Set<String> codes = new java.util.HashSet<>();
            map.keySet().forEach(k -> codes.add(String.valueOf(k)));
            return Set.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
    }
}
