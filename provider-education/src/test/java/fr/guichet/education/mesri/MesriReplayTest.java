package fr.guichet.education.mesri;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.education.support.ParticulierQuery;
import fr.guichet.education.support.Payloads;
import fr.guichet.education.support.ProductionProfile;
import fr.guichet.education.support.WireMockUpstreams;
import fr.guichet.testing.contract.ParticulierContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of MESRI's statut étudiant against MESRI's recorded answers, served for the
 * requests the reference implementation sends (GET {@code ?INE=} with the INE key, POST of the
 * identity with the civility key).
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class MesriReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMISSION = """
            {"date_debut":"2020-07-01","date_fin":"2021-08-31","est_inscrit":%s,
             "regime_formation":{"libelle":"%s","code":"%s"},"code_cog_insee_commune":"75113",
             "etablissement_etudes":{"uai":"0751967F","nom":"UFR ECONOMIE UNIVERSITE PARIS 1 (75634)"}}""";

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    private static void answerIne(String ine, int status, String payload) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/mesri")).withQueryParam("INE", WireMock.equalTo(ine))
                .withHeader("X-API-Key", WireMock.equalTo(WireMockUpstreams.MESRI_KEY_INE))
                .withHeader("X-Caller", WireMock.equalTo("Guichet"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.read("mesri/student_status/" + payload))));
    }

    private static Response byIne(String ine) {
        return call("/v3/mesri/statut_etudiant/ine", Map.of("ine", List.of(ine)));
    }

    private static Response call(String path, Map<String, List<String>> values) {
        return given().urlEncodingEnabled(false).get(path + "?" + ParticulierQuery.encode(ParticulierQuery.of(values)));
    }

    private static String student(String... admissions) {
        return """
                {"data":{"identite":{"nom_naissance":"Dupont","prenom":"Jean","date_naissance":"2000-01-01"},
                 "admissions":[%s]},"links":{},"meta":{}}""".formatted(String.join(",", admissions));
    }

    private static void assertBody(String expected, Response response, String operationId) throws Exception {
        String body = response.then().statusCode(200).extract().asString();
        assertEquals(JSON.readTree(expected), JSON.readTree(body));
        ParticulierContract.assertValid(operationId, 200, body);
    }

    @Test
    void aStudentByIneIsMappedAsApiParticulierShapesIt() throws Exception {
        answerIne("1234567890G", 200, "with_ine_valid_response.json");
        assertBody(student(ADMISSION.formatted(true, "formation initiale", "RF1")), byIne("1234567890G"),
                "api_particulier_v3_mesri_statut_etudiant_with_ine");
    }

    @Test
    void anAdmittedButNotEnrolledStudentIsNotInscrit() throws Exception {
        answerIne("1234567890G", 200, "with_ine_valid_response_with_admis_statut.json");
        assertBody(student(ADMISSION.formatted(false, "formation initiale", "RF1")), byIne("1234567890G"),
                "api_particulier_v3_mesri_statut_etudiant_with_ine");
    }

    @Test
    void eachRegimeGetsItsCode() throws Exception {
        answerIne("1234567890G", 200, "with_ine_valid_and_new_regime.json");
        assertBody(student(ADMISSION.formatted(true, "contrat d'apprentissage", "RF4")), byIne("1234567890G"),
                "api_particulier_v3_mesri_statut_etudiant_with_ine");
    }

    @Test
    void anUnknownIneIs404WithMesrisCode() {
        answerIne("1234567890H", 404, "with_ine_not_found_response.json");
        byIne("1234567890H").then().statusCode(404)
                .body("errors[0].code", equalTo("25003"))
                .body("errors[0].title", equalTo("Entité non trouvée"))
                .body("errors[0].detail", equalTo("Aucun étudiant n'a pu être trouvé avec les critères de recherche fournis."))
                .body("errors[0].meta.provider", equalTo("MESRI"));
    }

    @Test
    void aMalformedIneIsRefusedWithoutCallingMesri() {
        byIne("12345").then().statusCode(422)
                .body("errors[0].code", equalTo("00360"))
                .body("errors[0].source.parameter", equalTo("ine"));
        WireMockUpstreams.server().verify(0, getRequestedFor(urlPathEqualTo("/mesri")));
    }

    @Test
    void anAnswerWithoutAStudentIs502WithMesris999() {
        answerIne("1234567890G", 200, "with_ine_invalid_ine_response.json");
        byIne("1234567890G").then().statusCode(502).body("errors[0].code", equalTo("25999"));
        answerIne("1234567890G", 500, "with_ine_invalid_ine_response.json");
        byIne("1234567890G").then().statusCode(502).body("errors[0].code", equalTo("25999"));
    }

    @Test
    void mesriDownIs502WithMesris001() {
        answerIne("1234567890G", 503, "with_ine_not_found_response.json");
        byIne("1234567890G").then().statusCode(502).body("errors[0].code", equalTo("25001"));
    }

    /** The civility call and the FranceConnect one (whose identity the gateway forwards the same way) post the same identity. */
    @Test
    void aStudentByIdentityIsAskedWithTheFirstGivenNameAndTheSexCode() throws Exception {
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/mesri"))
                .withHeader("X-API-Key", WireMock.equalTo(WireMockUpstreams.MESRI_KEY_CIVILITY))
                .withRequestBody(equalToJson("""
                        {"nomFamille":"DUPONT","prenom1":"Jean","dateNaissance":"2000-01-01","sexe":"1","lieuNaissance":"75113"}"""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.read("mesri/student_status/with_civility_valid_response.json"))));
        Map<String, List<String>> identity = new LinkedHashMap<>();
        identity.put("nomNaissance", List.of("DUPONT"));
        identity.put("prenoms", List.of("Jean", "Pierre"));
        identity.put("anneeDateNaissance", List.of("2000"));
        identity.put("moisDateNaissance", List.of("1"));
        identity.put("jourDateNaissance", List.of("1"));
        identity.put("sexeEtatCivil", List.of("M"));
        identity.put("codeCogInseeCommuneNaissance", List.of("75113"));
        String expected = student(ADMISSION.formatted(true, "formation initiale", "RF1"));
        assertBody(expected, call("/v3/mesri/statut_etudiant/identite", identity), "api_particulier_v3_mesri_statut_etudiant_with_civility");
        // The FranceConnect answer leaves the user's own identity out, as the official schema says.
        String withoutIdentity = expected.replace(
                "\"identite\":{\"nom_naissance\":\"Dupont\",\"prenom\":\"Jean\",\"date_naissance\":\"2000-01-01\"},", "");
        assertBody(withoutIdentity, call("/v3/mesri/statut_etudiant/france_connect", identity),
                "api_particulier_v3_mesri_statut_etudiant_with_france_connect");
    }

    @Test
    void anUnknownIdentityIs404() {
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/mesri"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.read("mesri/student_status/with_civility_not_found_response.json"))));
        call("/v3/mesri/statut_etudiant/identite", Map.of("nomNaissance", List.of("INCONNU"), "prenoms", List.of("Jean"),
                "anneeDateNaissance", List.of("2000"), "moisDateNaissance", List.of("1"), "jourDateNaissance", List.of("1"),
                "sexeEtatCivil", List.of("F")))
                .then().statusCode(404).body("errors[0].code", equalTo("25003"));
    }

    /** The gateway validates the identity; a call that reaches the provider malformed all the same gets every error in one 422. */
    @Test
    void aMalformedIdentityIsOne422WithEveryError() {
        call("/v3/mesri/statut_etudiant/identite", Map.of("prenoms", List.of("Jean"),
                "anneeDateNaissance", List.of("deux mille"), "moisDateNaissance", List.of("13"), "jourDateNaissance", List.of("1"),
                "sexeEtatCivil", List.of("X")))
                .then().statusCode(422)
                .body("errors.code", org.hamcrest.Matchers.contains("00420", "00422", "00423", "00427"))
                .body("errors.source.parameter", org.hamcrest.Matchers.contains("nomNaissance", "anneeDateNaissance",
                        "moisDateNaissance", "sexeEtatCivil"));
    }
}
