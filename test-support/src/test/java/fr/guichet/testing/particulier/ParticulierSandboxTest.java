package fr.guichet.testing.particulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.testing.particulier.ParticulierSandbox.FranceConnectToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How a Particulier sandbox case is asked through the gateway, on identities and cases of the
 * official sandbox (api-particulier/payloads).
 */
class ParticulierSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESRI_FC = "api_particulier_v3_mesri_statut_etudiant_with_france_connect";
    private static final String QF = "api_particulier_v3_cnav_quotient_familial_with_civility";
    private static final String QF_FC = "api_particulier_v3_cnav_quotient_familial_with_france_connect";
    private static final String ANTS_FC = "api_particulier_v3_ants_extrait_immatriculation_vehicule_with_france_connect";
    private static final List<String> MESRI_SCOPES = List.of("mesri_identifiant", "mesri_identite", "mesri_inscription_etudiant");

    static FranceConnectToken token(String name, String introspection) throws IOException {
        JsonNode node = JSON.readTree(introspection);
        return new FranceConnectToken(name, ParticulierSandbox.identity(node),
                Set.of(node.path("scope").asText().split(" ")), node.path("active").asBoolean());
    }

    static final String ALL_FC = """
            {"active": true, "scope": "openid mesri_identifiant mesri_identite mesri_inscription_etudiant cnaf_quotient_familial ants_extrait_immatriculation_vehicule_identite_particulier",
             "gender": "male", "family_name": "Delatour", "given_name": "Thomas", "given_name_array": ["Thomas"],
             "birthdate": "1994-04-16", "birthplace": "75111", "birthcountry": "99100"}
            """;
    static final String MESRI = """
            {"active": true, "scope": "openid mesri_identifiant mesri_identite",
             "gender": "male", "family_name": "MESRI", "given_name": "Jean Pierre",
             "birthdate": "2002-01-01", "birthplace": "75002", "birthcountry": "99100"}
            """;

    @Test
    void anIdentityBecomesTheCivilityParameters() throws IOException {
        FranceConnectToken mesri = token("mesri", MESRI);
        assertEquals(Map.of("prenoms", List.of("Jean", "Pierre"), "nomNaissance", List.of("MESRI"),
                "anneeDateNaissance", List.of("2002"), "moisDateNaissance", List.of("1"), "jourDateNaissance", List.of("1"),
                "sexeEtatCivil", List.of("M"), "codeCogInseeCommuneNaissance", List.of("75002"),
                "codeCogInseePaysNaissance", List.of("99100")), mesri.identity());
    }

    @Test
    void aFranceConnectCaseIsReachedByTheTokenCarryingItsIdentity() throws IOException {
        List<FranceConnectToken> tokens = List.of(token("all_fc", ALL_FC), token("mesri", MESRI));
        // fake_france_connect_mesri.yml: the identity of all_fc, without the birth country MESRI's cases never name.
        JsonNode delatour = JSON.readTree("""
                {"prenoms": ["Thomas"], "nomNaissance": "DELATOUR", "anneeDateNaissance": 1994, "moisDateNaissance": 4,
                 "jourDateNaissance": 16, "sexeEtatCivil": "M", "codeCogInseeCommuneNaissance": "75111"}
                """);
        Set<String> named = Set.of("prenoms", "nomNaissance", "anneeDateNaissance", "moisDateNaissance", "jourDateNaissance",
                "sexeEtatCivil", "codeCogInseeCommuneNaissance");
        assertEquals(Optional.of("all_fc"), ParticulierSandbox.tokenFor(MESRI_FC, delatour, named, tokens, MESRI_SCOPES)
                .map(FranceConnectToken::name));
        // A given name as a text never matches the array the gateway forwards.
        JsonNode asText = ((com.fasterxml.jackson.databind.node.ObjectNode) delatour.deepCopy()).put("prenoms", "Thomas");
        assertTrue(ParticulierSandbox.tokenFor(MESRI_FC, asText, named, tokens, MESRI_SCOPES).isEmpty());
        // An identity no token carries, or a token without the operation's scopes, reaches nothing.
        JsonNode dubois = JSON.readTree("""
                {"prenoms": ["Angela"], "nomNaissance": "DUBOIS", "anneeDateNaissance": 1962, "moisDateNaissance": 8,
                 "jourDateNaissance": 24, "sexeEtatCivil": "F", "codeCogInseeCommuneNaissance": "75107"}
                """);
        assertTrue(ParticulierSandbox.tokenFor(MESRI_FC, dubois, named, tokens, MESRI_SCOPES).isEmpty());
        assertTrue(ParticulierSandbox.tokenFor(MESRI_FC, delatour, named, tokens, List.of("cnous_email")).isEmpty());
        // A nom d'usage no fictitious token gives: the case cannot be reached.
        JsonNode withUsage = ((com.fasterxml.jackson.databind.node.ObjectNode) delatour.deepCopy()).put("nomUsage", "X");
        Set<String> namedWithUsage = new java.util.HashSet<>(named);
        namedWithUsage.add("nomUsage");
        assertTrue(ParticulierSandbox.tokenFor(QF_FC, withUsage, namedWithUsage, tokens, List.of("cnaf_quotient_familial")).isEmpty());
    }

    @Test
    void aCaseWithoutIdentityIsReachedByAnyTokenHoldingTheScopesAndKeepsTheRouteParameters() throws IOException {
        List<FranceConnectToken> tokens = List.of(token("all_fc", ALL_FC), token("mesri", MESRI));
        JsonNode plate = JSON.readTree("{\"immatriculation\": \"AA-123-BB\"}");
        assertEquals(Optional.of("all_fc"), ParticulierSandbox.tokenFor(ANTS_FC, plate, Set.of("immatriculation"), tokens,
                List.of("ants_extrait_immatriculation_vehicule_identite_particulier")).map(FranceConnectToken::name));
        SandboxCase c = new SandboxCase(ANTS_FC + "/1.yaml", ANTS_FC, Map.of("immatriculation", "AA-123-BB"), 200, "{}");
        assertEquals(Map.of("immatriculation", List.of("AA-123-BB")), ParticulierSandbox.query(ANTS_FC, c));
    }

    @Test
    void aCivilityCaseIsAskedWithItsWireNamesWhenTheRouteTakesItsParameters() throws IOException {
        SandboxCase c = new SandboxCase(QF + "/200.yaml", QF, Map.of("nomNaissance", "LEFEBVRE", "prenoms", "ALEXIS,MARIE"),
                Map.of("nomNaissance", List.of("LEFEBVRE"), "prenoms", List.of("ALEXIS", "MARIE")), 200, "{}");
        assertEquals(Map.of("nomNaissance", List.of("LEFEBVRE"), "prenoms[]", List.of("ALEXIS", "MARIE")),
                ParticulierSandbox.query(QF, c));
        assertTrue(ParticulierSandbox.reachable(QF, JSON.readTree("""
                {"nomNaissance": "LEFEBVRE", "prenoms": ["ALEXIS"], "sexeEtatCivil": "F", "codeCogInseePaysNaissance": "99100",
                 "anneeDateNaissance": 1982}
                """)));
        // The official file's typos (anneeNateNaissance) and a missing required country are refused by the gateway.
        assertFalse(ParticulierSandbox.reachable(QF, JSON.readTree("""
                {"nomNaissance": "LEFEBVRE", "prenoms": ["ALEXIS"], "sexeEtatCivil": "F", "codeCogInseePaysNaissance": "99100",
                 "anneeNateNaissance": 1982}
                """)));
        assertFalse(ParticulierSandbox.reachable(QF, JSON.readTree("""
                {"nomNaissance": "LEFEBVRE", "prenoms": ["ALEXIS"], "sexeEtatCivil": "F"}
                """)));
        assertFalse(ParticulierSandbox.reachable(QF, JSON.readTree("""
                {"nomNaissance": "LEFEBVRE", "prenoms": "ALEXIS", "sexeEtatCivil": "F", "codeCogInseePaysNaissance": "99100"}
                """)));
    }
}
