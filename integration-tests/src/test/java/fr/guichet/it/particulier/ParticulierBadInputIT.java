package fr.guichet.it.particulier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.guichet.it.SharedStack;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input on API Particulier routes, through the real gateway: a malformed identity gets one 422
 * carrying every error of the call (each with its Particulier code and the parameter it is about),
 * never a 500; the recipient is the one mandatory common parameter (422 {@code 00210}); a
 * FranceConnect token that is malformed or unknown gets 401 {@code 50001}/{@code 50002}; an API
 * Entreprise token on a Particulier route, a Particulier token on an Entreprise route and a
 * Particulier token without the operation's scopes get 403 {@code 00100}.
 */
@SharedStack.Uses
class ParticulierBadInputIT {

    static final String QF = "/v3/dss/quotient_familial/identite";
    static final String QF_FC = "/v3/dss/quotient_familial/france_connect";
    static final List<String> QF_SCOPES = List.of("cnaf_quotient_familial", "cnaf_allocataires", "cnaf_enfants", "cnaf_adresse");
    /** The codes of API Particulier's parameter errors (errors.yml, the OpenAPI's 422 examples). */
    static final Set<String> PARTICULIER_422 = codes();

    static GuichetStack stack;
    static IssuedToken particulier;

    @BeforeAll
    static void startSuite() {
        assumeTrue(ParticulierSuite.particulierServed(), "no API Particulier operation declared for the providers of services.yml");
        stack = SharedStack.get();
        particulier = ParticulierSuite.particulierToken(stack, QF_SCOPES);
        ParticulierSuite.franceConnectHabilitation(stack);
    }

    static Set<String> codes() {
        Set<String> codes = new HashSet<>(List.of("00210", "00360", "00368", "00380", "00400", "00430"));
        for (int c = 353; c <= 367; c++) {
            codes.add(String.format("%05d", c));
        }
        for (int c = 410; c <= 428; c++) {
            codes.add(String.format("%05d", c));
        }
        return Set.copyOf(codes);
    }

    @Test
    void aMalformedIdentityGetsOne422WithEveryErrorOfTheCall() {
        Response r = ParticulierSuite.partner(stack, particulier.token())
                .queryParam("nomNaissance", "")
                .queryParam("prenoms[]", List.of("A", "B", "C", "D"))
                .queryParam("sexeEtatCivil", "X")
                .queryParam("anneeDateNaissance", "dix-neuf cent")
                .queryParam("moisDateNaissance", "13")
                .queryParam("codeCogInseePaysNaissance", "FRANCE")
                .get(QF);
        assertEquals(422, r.statusCode(), r.asString());
        List<Map<String, Object>> errors = r.jsonPath().getList("errors");
        Set<String> parameters = new HashSet<>();
        for (Map<String, Object> e : errors) {
            assertTrue(PARTICULIER_422.contains(String.valueOf(e.get("code"))), "not a Particulier parameter code: " + e);
            assertTrue(e.get("title") != null && e.get("detail") != null, "error without title or detail: " + e);
            Object source = e.get("source");
            if (source instanceof Map<?, ?> s && s.get("parameter") != null) {
                parameters.add(String.valueOf(s.get("parameter")).replace("[]", ""));
            }
        }
        // Each malformed parameter is named by an error of the same answer.
        for (String p : List.of("nomNaissance", "prenoms", "sexeEtatCivil", "anneeDateNaissance", "moisDateNaissance",
                "codeCogInseePaysNaissance")) {
            assertTrue(parameters.contains(p), p + " is named by no error: " + r.asString());
        }
        // Nothing of what was sent is echoed back.
        assertTrue(!r.asString().contains("dix-neuf cent"), r.asString());
    }

    @Test
    void theRecipientIsMandatoryAndASiret() {
        Response missing = given().baseUri(stack.url(Service.GATEWAY)).header("Authorization", "Bearer " + particulier.token())
                .queryParam("nomNaissance", "DUPONT").queryParam("prenoms[]", "JEAN").queryParam("sexeEtatCivil", "M")
                .queryParam("codeCogInseePaysNaissance", "99100").get(QF);
        assertEquals(422, missing.statusCode(), missing.asString());
        assertTrue(missing.jsonPath().getList("errors.code").contains("00210"), missing.asString());
        Response notASiret = given().baseUri(stack.url(Service.GATEWAY)).header("Authorization", "Bearer " + particulier.token())
                .queryParam("recipient", "13002526500014").queryParam("nomNaissance", "DUPONT").queryParam("prenoms[]", "JEAN")
                .queryParam("sexeEtatCivil", "M").queryParam("codeCogInseePaysNaissance", "99100").get(QF);
        assertEquals(422, notASiret.statusCode(), notASiret.asString());
        assertTrue(notASiret.jsonPath().getList("errors.code").contains("00210"), notASiret.asString());
    }

    @Test
    void hostileValuesAreRefusedNeverA500() {
        String huge = "A".repeat(20_000);
        List<Map<String, Object>> hostile = List.of(
                Map.of("nomNaissance", huge),
                Map.of("nomNaissance", "DUPONT\u0000\u001b[31m"),
                Map.of("nomNaissance", List.of("DUPONT", "DURAND")),
                Map.of("prenoms[]", List.of()),
                Map.of("anneeDateNaissance", "99999999999999999999"),
                Map.of("moisDateNaissance", "-1"),
                Map.of("codeCogInseeCommuneNaissance", "../../etc"));
        for (Map<String, Object> bad : hostile) {
            var spec = ParticulierSuite.partner(stack, particulier.token())
                    .queryParam("sexeEtatCivil", "M").queryParam("codeCogInseePaysNaissance", "99100");
            if (!bad.containsKey("nomNaissance")) {
                spec.queryParam("nomNaissance", "DUPONT");
            }
            if (!bad.containsKey("prenoms[]")) {
                spec.queryParam("prenoms[]", "JEAN");
            }
            bad.forEach((k, v) -> {
                if (v instanceof List<?> l) {
                    spec.queryParam(k, l);
                } else {
                    spec.queryParam(k, v);
                }
            });
            Response r = spec.get(QF);
            String what = bad.keySet() + " " + String.valueOf(bad.values()).substring(0, Math.min(60, String.valueOf(bad.values()).length()));
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, what + ": got " + r.statusCode() + " " + r.asString());
        }
    }

    @Test
    void aMalformedOrUnknownFranceConnectTokenGets401() {
        Response malformed = ParticulierSuite.partner(stack, "pas un jeton <script>").get(QF_FC);
        assertEquals(401, malformed.statusCode(), malformed.asString());
        assertEquals("50001", malformed.jsonPath().getString("errors[0].code"), malformed.asString());
        Response tooLong = ParticulierSuite.partner(stack, "a".repeat(5000)).get(QF_FC);
        assertEquals(401, tooLong.statusCode(), tooLong.asString());
        assertEquals("50001", tooLong.jsonPath().getString("errors[0].code"), tooLong.asString());
        Response unknown = ParticulierSuite.partner(stack, "jeton_franceconnect_inconnu").get(QF_FC);
        assertEquals(401, unknown.statusCode(), unknown.asString());
        assertEquals("50002", unknown.jsonPath().getString("errors[0].code"), unknown.asString());
    }

    @Test
    void eachApiKeepsItsOwnTokensAndScopesOpenTheOperation() {
        IssuedToken entreprise = stack.issueToken(List.of("unites_legales_etablissements_insee"), 5000);
        ParticulierSuite.partner(stack, entreprise.token())
                .queryParam("nomNaissance", "DUPONT").queryParam("prenoms[]", "JEAN").queryParam("sexeEtatCivil", "M")
                .queryParam("codeCogInseePaysNaissance", "99100")
                .get(QF).then().statusCode(403).body("errors[0].code", equalTo("00100"));
        given().baseUri(stack.url(Service.GATEWAY)).header("Authorization", "Bearer " + particulier.token())
                .queryParam("context", "Contrôle").queryParam("object", "Dossier 1").queryParam("recipient", ParticulierSuite.RECIPIENT)
                .get("/v4/insee/sirene/unites_legales/418166096").then().statusCode(403).body("errors[0].code", equalTo("00100"));
        IssuedToken otherScopes = ParticulierSuite.particulierToken(stack, List.of("mesri_identite"));
        ParticulierSuite.partner(stack, otherScopes.token())
                .queryParam("nomNaissance", "DUPONT").queryParam("prenoms[]", "JEAN").queryParam("sexeEtatCivil", "M")
                .queryParam("codeCogInseePaysNaissance", "99100")
                .get(QF).then().statusCode(403).body("errors[0].code", equalTo("00100"));
    }
}
