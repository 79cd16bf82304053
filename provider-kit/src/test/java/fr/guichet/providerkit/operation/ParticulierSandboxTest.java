package fr.guichet.providerkit.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Sandbox matching of API Particulier's operations, as API Particulier's staging matches (its
 * {@code MockDataBackend}), over cases copied from the official sandbox; API Entreprise's matching
 * unchanged beside it.
 */
class ParticulierSandboxTest {

    static final String QF = "/v3/dss/quotient_familial/identite";
    static final String[] SOPHIE_DUPONT = {"recipient", "13002526500013", "nomNaissance", "DUPONT", "prenoms[]", "SOPHIE",
            "sexeEtatCivil", "F", "anneeDateNaissance", "1982", "moisDateNaissance", "9", "jourDateNaissance", "3",
            "codeCogInseeCommuneNaissance", "13001", "codeCogInseePaysNaissance", "99100"};

    final KitTestProvider provider = new KitTestProvider();

    static String[] with(String[] pairs, String name, String value) {
        String[] copy = pairs.clone();
        for (int i = 0; i < copy.length; i += 2) {
            if (copy[i].equals(name)) {
                copy[i + 1] = value;
                return copy;
            }
        }
        String[] longer = java.util.Arrays.copyOf(copy, copy.length + 2);
        longer[copy.length] = name;
        longer[copy.length + 1] = value;
        return longer;
    }

    static String[] without(String[] pairs, String name) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i].equals(name)) {
                kept.add(pairs[i]);
                kept.add(pairs[i + 1]);
            }
        }
        return kept.toArray(String[]::new);
    }

    ProviderAnswer qf(String... pairs) {
        return provider.get(QF, pairs);
    }

    boolean isFamily(ProviderAnswer answer) {
        return answer.status() == 200 && answer.body().contains("\"DUPONT\"") && answer.body().contains("SOPHIE");
    }

    @Test
    void theCaseWithExactlyTheCallsParametersAnswersRecipientAside() {
        assertTrue(isFamily(qf(SOPHIE_DUPONT)), qf(SOPHIE_DUPONT).body());
    }

    @Test
    void identityTextIsComparedCaseInsensitively() {
        assertTrue(isFamily(qf(with(with(SOPHIE_DUPONT, "nomNaissance", "Dupont"), "prenoms[]", "sophie"))));
        // "Marge" in the case file, with an accent-free upper case call; "GRÉÔME" in a 404 case, called in lower case
        ProviderAnswer simpson = qf("recipient", "13002526500013", "nomNaissance", "simpson", "prenoms[]", "MARGE",
                "sexeEtatCivil", "f", "anneeDateNaissance", "1980", "moisDateNaissance", "11", "jourDateNaissance", "15",
                "codeCogInseePaysNaissance", "99404");
        assertEquals(200, simpson.status(), simpson.body());
        ProviderAnswer typo = qf("recipient", "13002526500013", "nomNaissance", "lefebvre", "prenoms[]", "aleixs",
                "prenoms[]", "gréôme", "prenoms[]", "jean-philippe", "sexeEtatCivil", "F", "anneeDateNaissance", "1982",
                "codeCogInseeCommuneNaissance", "08480", "codeCogInseePaysNaissance", "99100");
        assertEquals(404, typo.status());
        assertTrue(typo.body().contains("37003"), typo.body());
    }

    @Test
    void birthDatePartsAreIntegersWithOrWithoutLeadingZero() {
        assertTrue(isFamily(qf(with(with(SOPHIE_DUPONT, "moisDateNaissance", "09"), "jourDateNaissance", "03"))));
        assertEquals(404, qf(with(SOPHIE_DUPONT, "moisDateNaissance", "10")).status());
        assertEquals(404, qf(with(SOPHIE_DUPONT, "moisDateNaissance", "septembre")).status());
    }

    @Test
    void theExactSetOfParametersNeitherMoreNorLess() {
        // a parameter missing: the case does not answer (API Entreprise's rule would have let it)
        assertEquals(404, qf(without(SOPHIE_DUPONT, "jourDateNaissance")).status());
        // the case without a birth date answers only a call without one
        String[] lisa = {"recipient", "13002526500013", "nomNaissance", "LISA", "prenoms[]", "MONA", "sexeEtatCivil", "F",
                "codeCogInseePaysNaissance", "99127"};
        assertEquals(200, qf(lisa).status());
        assertEquals(404, qf(with(lisa, "anneeDateNaissance", "1980")).status());
        assertEquals(404, qf(with(lisa, "codeCogInseeCommuneNaissance", "13001")).status());
        // an empty parameter is as if not given
        assertEquals(200, qf(with(lisa, "nomUsage", "")).status());
    }

    @Test
    void parametersNoCaseOfTheOperationNamesDoNotSelect() {
        // GIP-MDS's staging keys its cases on the name and birth date only; the sex and birth place do not exclude
        ProviderAnswer answer = provider.get("/v3/gip_mds/service_civique/identite", "recipient", "13002526500013",
                "nomNaissance", "BERNARD", "prenoms[]", "SOPHIE", "anneeDateNaissance", "1999", "moisDateNaissance", "11",
                "jourDateNaissance", "8", "sexeEtatCivil", "F", "codeCogInseePaysNaissance", "99100");
        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void arraysMatchArraysInOrder() {
        String[] two = with(SOPHIE_DUPONT, "prenoms[]", "SOPHIE");
        two = java.util.Arrays.copyOf(two, two.length + 2);
        two[two.length - 2] = "prenoms[]";
        two[two.length - 1] = "MARIE";
        assertEquals(404, qf(two).status(), "two first names against a case of one");
        // a case file giving prenoms as one text (not a list) never answers prenoms[]
        ApiException scalar = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> provider.get(
                "/v3/cnous/etudiant_boursier/france_connect", "recipient", "13002526500013",
                "nomNaissance", "MARTIN", "prenoms[]", "Jean", "anneeDateNaissance", "2001", "moisDateNaissance", "1",
                "jourDateNaissance", "1", "sexeEtatCivil", "M", "codeCogInseeCommuneNaissance", "75002"));
        assertEquals("26003", scalar.errors().get(0).code());
    }

    @Test
    void nothingMatchesTheOperations404YamlAnswersWithTheCataloguesAddress() {
        ProviderAnswer miss = qf(with(SOPHIE_DUPONT, "nomNaissance", "INCONNU"));
        assertEquals(404, miss.status());
        assertTrue(miss.body().contains("\"37003\"") && miss.body().contains("http://localhost:8080/sandbox"), miss.body());
        // the folder's first 404 case is another one: 404.yaml is the one API Particulier's staging answers
        assertTrue(provider.engine.notFoundCase("api_particulier_v3_cnav_quotient_familial_with_civility").orElseThrow()
                .file().endsWith("/404-identite-cas-limite-faute-de-frappe.yaml"));
        assertTrue(provider.engine.particulierNotFoundCase("api_particulier_v3_cnav_quotient_familial_with_civility")
                .orElseThrow().file().endsWith("/404.yaml"));
    }

    @Test
    void anOperationWithout404YamlAnswersTheStandard404OfItsProvider() {
        assertEquals(200, provider.get("/v4/cnous/etudiant_boursier/ine", "recipient", "13002526500013",
                "ine", "1234567890a", "campaignYear", "2022").status());
        Executable unknown = () -> provider.get("/v4/cnous/etudiant_boursier/ine", "recipient", "13002526500013",
                "ine", "1234567890A", "campaignYear", "2019");
        ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, unknown);
        assertEquals(404, e.status());
        assertEquals("26003", e.errors().get(0).code());
    }

    @Test
    void apiEntrepriseKeepsItsOwnRule() {
        // a parameter the call lacks does not exclude an API Entreprise case, and text is compared as given
        assertEquals(200, provider.get("/v3/kittest/unites_legales/418166096/exemple", "context", "x", "object", "y",
                "recipient", "13002526500013").status());
    }
}
