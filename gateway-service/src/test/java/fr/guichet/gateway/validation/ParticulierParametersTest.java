package fr.guichet.gateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.catalogue.ParticulierRoutes;
import fr.guichet.gateway.catalogue.Route;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** API Particulier's parameter rules, on routes whose parameters come from openapi-particulier.yaml. */
class ParticulierParametersTest {

    /** 15 June 2026, Paris. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("Europe/Paris"));
    final ParticulierParameters checker = new ParticulierParameters(CLOCK);
    final Route qf = ParticulierRoutes.route("api_particulier_v3_cnav_quotient_familial_with_civility");
    final Route mesri = ParticulierRoutes.route("api_particulier_v3_mesri_statut_etudiant_with_civility");
    final Route mesriIne = ParticulierRoutes.route("api_particulier_v3_mesri_statut_etudiant_with_ine");
    final Route cnousIne = ParticulierRoutes.route("api_particulier_v4_cnous_etudiant_boursier_with_ine");
    final Route men = ParticulierRoutes.route("api_particulier_v5_men_scolarites_with_civility");
    final Route franceTravail = ParticulierRoutes.route("api_particulier_v3_france_travail_statut_with_identifiant");
    final Route ants = ParticulierRoutes.route("api_particulier_v3_ants_extrait_immatriculation_vehicule_with_france_connect");

    static Map<String, List<String>> query(Object... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            q.put((String) pairs[i], v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v)));
        }
        return q;
    }

    /** A valid identity for the quotient familial (a sandbox case: LEFEBVRE Alexis, born 1982-12-27 at 08480). */
    static Map<String, List<String>> qfIdentity() {
        return query("recipient", "13002526500013", "nomNaissance", "LEFEBVRE", "prenoms[]", List.of("ALEXIS", "GÉRÔME", "JEAN-PHILIPPE"),
                "anneeDateNaissance", "1982", "moisDateNaissance", "12", "jourDateNaissance", "27",
                "sexeEtatCivil", "F", "codeCogInseePaysNaissance", "99100", "codeCogInseeCommuneNaissance", "08480");
    }

    private Map<String, String> codes(Route route, Map<String, List<String>> query) {
        return checker.errors(route, query).stream().collect(Collectors.toMap(
                e -> String.valueOf(e.source().get("parameter")), ApiError::code, (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void theRouteCarriesTheParametersOfItsOpenApiOperation() {
        assertEquals(Route.QueryParameter.class, qf.parameters().get(0).getClass());
        assertTrue(qf.parameter("prenoms[]").orElseThrow().array());
        assertTrue(qf.parameter("prenoms[]").orElseThrow().required());
        assertTrue(qf.parameter("annee").isPresent());
        assertTrue(!qf.parameter("anneeDateNaissance").orElseThrow().required());
        assertTrue(mesri.parameter("anneeDateNaissance").orElseThrow().required());
        assertTrue(qf.particulier() && !qf.franceConnect());
        assertEquals(List.of("cnaf_quotient_familial"), qf.masks().get("/data/quotient_familial"));
        assertEquals("json_resources_particulier", cnousIne.throttle().group());
        assertEquals(20, cnousIne.throttle().limit());
        assertEquals("v5", men.version());
    }

    @Test
    void sandboxIdentitiesPass() {
        assertEquals(Map.of(), codes(qf, qfIdentity()));
        // Born abroad, no birth date, no commune (sandbox 200-QF-CNAF-etranger-pas-de-date-naissance).
        assertEquals(Map.of(), codes(qf, query("recipient", "13002526500013", "codeCogInseePaysNaissance", "99127",
                "sexeEtatCivil", "F", "nomNaissance", "LISA", "prenoms[]", List.of("MONA"))));
        // Partial birth date with the quotient's year and month.
        assertEquals(Map.of(), codes(qf, query("recipient", "13002526500013", "codeCogInseeCommuneNaissance", "08480",
                "codeCogInseePaysNaissance", "99100", "sexeEtatCivil", "F", "nomNaissance", "ROUX",
                "prenoms[]", List.of("JEANNE", "STEPHANIE"), "anneeDateNaissance", "1987", "moisDateNaissance", "6",
                "annee", "2026", "mois", "5")));
        assertEquals(Map.of(), codes(mesri, query("recipient", "13002526500013", "nomNaissance", "De Carvalho",
                "prenoms[]", List.of("Marie Davida"), "anneeDateNaissance", "2000", "moisDateNaissance", "3",
                "jourDateNaissance", "14", "sexeEtatCivil", "f", "codeCogInseeCommuneNaissance", "2A004")));
        assertEquals(Map.of(), codes(mesriIne, query("recipient", "13002526500013", "ine", "1234567890G")));
        assertEquals(Map.of(), codes(cnousIne, query("recipient", "13002526500013", "ine", "123456789JK", "campaignYear", "2022")));
        assertEquals(Map.of(), codes(men, query("recipient", "13002526500013", "nomNaissance", "MARTIN", "prenoms[]", "EMMA",
                "sexeEtatCivil", "F", "anneeDateNaissance", "2012", "moisDateNaissance", "8", "jourDateNaissance", "15",
                "codeEtablissement", "0132733A", "anneeScolaire", "2025")));
        assertEquals(Map.of(), codes(men, query("recipient", "13002526500013", "nomNaissance", "MARTIN", "prenoms[]", "EMMA",
                "sexeEtatCivil", "F", "anneeDateNaissance", "2012", "moisDateNaissance", "8", "jourDateNaissance", "15",
                "degreEtablissement", "2D", "codesBcnDepartements[]", List.of("013", "084"), "anneeScolaire", "2025-2026")));
        assertEquals(Map.of(), codes(franceTravail, query("recipient", "13002526500013", "identifiant", "georges_moustaki77")));
        assertEquals(Map.of(), codes(ants, query("recipient", "13002526500013", "immatriculation", "AA-123-BB")));
    }

    @Test
    void everyErrorOfTheCallIsInOne422() {
        Map<String, List<String>> bad = query("recipient", "1300252650001", "nomNaissance", "DUP0NT",
                "prenoms[]", List.of("A", "B", "C", "D"), "anneeDateNaissance", "19820", "moisDateNaissance", "13",
                "jourDateNaissance", "0", "sexeEtatCivil", "X", "codeCogInseePaysNaissance", "12345",
                "codeCogInseeCommuneNaissance", "2C001", "annee", "2019", "mois", "0");
        ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> checker.validate(qf, bad));
        assertEquals(422, e.status());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("recipient", "00210");
        expected.put("nomNaissance", "00420");
        expected.put("prenoms[]", "00367");
        expected.put("anneeDateNaissance", "00363");
        expected.put("moisDateNaissance", "00363");
        expected.put("jourDateNaissance", "00363");
        expected.put("sexeEtatCivil", "00427");
        expected.put("codeCogInseePaysNaissance", "00400");
        expected.put("codeCogInseeCommuneNaissance", "00365");
        expected.put("annee", "00356");
        expected.put("mois", "00354");
        assertEquals(expected, codes(qf, bad));
        assertTrue(e.errors().stream().allMatch(x -> "Entité non traitable".equals(x.title())));
    }

    @Test
    void civilityCodesOutsideCnav() {
        assertEquals(Map.of("recipient", "00210", "nomNaissance", "00420", "prenoms[]", "00421", "anneeDateNaissance", "00422",
                        "moisDateNaissance", "00423", "jourDateNaissance", "00424", "sexeEtatCivil", "00427"),
                codes(mesri, query()));
        assertEquals(Map.of("jourDateNaissance", "00425"), codes(mesri, query("recipient", "13002526500013", "nomNaissance", "X",
                "prenoms[]", "Y", "anneeDateNaissance", "2001", "moisDateNaissance", "2", "jourDateNaissance", "30", "sexeEtatCivil", "M")));
        assertEquals(Map.of("jourDateNaissance", "00425"), codes(mesri, query("recipient", "13002526500013", "nomNaissance", "X",
                "prenoms[]", "Y", "anneeDateNaissance", "2026", "moisDateNaissance", "12", "jourDateNaissance", "1", "sexeEtatCivil", "M")));
        // Birth place by name: département and year needed.
        assertEquals(Map.of("codeCogInseeDepartementNaissance", "00428"), codes(mesri, query("recipient", "13002526500013",
                "nomNaissance", "X", "prenoms[]", "Y", "anneeDateNaissance", "2001", "moisDateNaissance", "2", "jourDateNaissance", "3",
                "sexeEtatCivil", "M", "nomCommuneNaissance", "Gennevilliers", "codeCogInseeDepartementNaissance", "96")));
    }

    @Test
    void cnavNeedsABirthPlaceForPeopleBornInFrance() {
        Map<String, List<String>> q = qfIdentity();
        q.remove("codeCogInseeCommuneNaissance");
        assertEquals(Map.of("codeCogInseeCommuneNaissance", "00365"), codes(qf, q));
        q.put("nomCommuneNaissance", List.of("Gennevilliers"));
        q.put("codeCogInseeDepartementNaissance", List.of("92"));
        assertEquals(Map.of(), codes(qf, q));
        // A quotient of this year's coming months is in the future.
        Map<String, List<String>> future = qfIdentity();
        future.put("annee", List.of("2026"));
        future.put("mois", List.of("7"));
        assertEquals(Map.of("mois", "00354"), codes(qf, future));
        future.put("annee", List.of("2027"));
        assertEquals("00353", codes(qf, future).get("annee"));
    }

    @Test
    void identifiersAndSchoolParameters() {
        assertEquals(Map.of("ine", "00360"), codes(mesriIne, query("recipient", "13002526500013", "ine", "12345")));
        assertEquals(Map.of("ine", "00360"), codes(mesriIne, query("recipient", "13002526500013")));
        assertEquals(Map.of("campaignYear", "00368"), codes(cnousIne, query("recipient", "13002526500013", "ine", "123456789JK", "campaignYear", "2026")));
        assertEquals(Map.of("campaignYear", "00368"), codes(cnousIne, query("recipient", "13002526500013", "ine", "123456789JK", "campaignYear", "2020")));
        assertEquals(Map.of("identifiant", "00380"), codes(franceTravail, query("recipient", "13002526500013", "identifiant", "")));
        assertEquals(Map.of("immatriculation", "00430"), codes(ants, query("recipient", "13002526500013")));
        Map<String, List<String>> child = query("recipient", "13002526500013", "nomNaissance", "MARTIN", "prenoms[]", "EMMA",
                "sexeEtatCivil", "F", "anneeDateNaissance", "2012", "moisDateNaissance", "8", "jourDateNaissance", "15");
        Map<String, List<String>> school = new LinkedHashMap<>(child);
        school.put("anneeScolaire", List.of("25"));
        school.put("codeEtablissement", List.of("0132733"));
        assertEquals(Map.of("anneeScolaire", "00411", "codeEtablissement", "00410"), codes(men, school));
        school.put("anneeScolaire", List.of("2025"));
        school.put("codeEtablissement", List.of("0132733A"));
        school.put("codesBcnRegions[]", List.of("01"));
        assertEquals(Map.of("codeEtablissement", "00419"), codes(men, school));
        school.remove("codeEtablissement");
        assertEquals(Map.of("degreEtablissement", "00412"), codes(men, school));
        school.put("degreEtablissement", List.of("1D"));
        school.put("codesBcnRegions[]", List.of("99"));
        assertEquals(Map.of("codesBcnRegions[]", "00417"), codes(men, school));
        school.put("codesBcnDepartements[]", List.of("013"));
        assertEquals(Map.of("codesBcnDepartements[]", "00413"), codes(men, school));
        school.remove("codesBcnRegions[]");
        school.put("codesBcnDepartements[]", List.of("013", "999"));
        assertEquals(Map.of("codesBcnDepartements[]", "00416"), codes(men, school));
        school.remove("codesBcnDepartements[]");
        assertEquals(Map.of("codeEtablissement", "00410"), codes(men, school));
    }

    /** Huge, control characters, empty, lists where one value is expected: always a 422, never an exception of another kind. */
    @Test
    void hostileValuesAreAlways422() {
        List<String> hostile = List.of("", " ", "9".repeat(5000), "a\u0000b", "\n", "1e9", "-1", "%00", "٣٣٣٣", "0x10",
                "99999999999999999999", "M\r\nSet-Cookie: x", "Ω".repeat(300), "2A", "\uFFFF");
        for (Route route : List.of(qf, mesri, mesriIne, cnousIne, men, franceTravail, ants)) {
            for (Route.QueryParameter p : route.parameters()) {
                for (String value : hostile) {
                    Map<String, List<String>> q = qfIdentity();
                    q.put(p.name(), p.array() ? List.of(value, value) : List.of(value));
                    Executable call = () -> checker.validate(route, q);
                    try {
                        call.execute();
                    } catch (ApiException e) {
                        assertEquals(422, e.status(), route.operationId() + " " + p.name());
                    } catch (Throwable t) {
                        throw new AssertionError(route.operationId() + " " + p.name() + "=" + value.length() + " chars: " + t, t);
                    }
                }
            }
        }
        // Unknown parameters are ignored, as the reference's parameter lists do.
        Map<String, List<String>> q = qfIdentity();
        q.put("nomNaissance[]", List.of("X", "Y"));
        q.put("inconnu", List.of("\u0000".repeat(600)));
        assertEquals(Map.of(), codes(qf, q));
    }
}
