package fr.guichet.education.cnous;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.education.support.ParticulierQuery;
import fr.guichet.education.support.Payloads;
import fr.guichet.education.support.ProductionProfile;
import fr.guichet.education.support.WireMockUpstreams;
import fr.guichet.testing.contract.ParticulierContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of CNOUS's étudiant boursier (v3 and v4) against CNOUS's recorded answers,
 * served for the requests the reference implementation sends: a token (client in HTTP Basic),
 * then by INE a GET, by identity a POST, by FranceConnect identity a GET with a JSON body.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class CnousReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "test_cnous_token";
    private static final String IDENTITE = """
            "identite":{"nom":"Martin","prenoms":["Jerome","Francis"],"date_naissance":"1980-11-14",
             "nom_commune_naissance":"La Crèche","sexe":"M"}""";
    private static final String WITHOUT_IDENTITE = """
            "email":"francislalanne@gmail.com",
             "echelon_bourse":{"echelon":"5","echelon_bourse_regionale_provisoire":false},
             "periode_versement_bourse":{"date_rentree":"2020-09-01","duree":12},
             "etablissement_etudes":{"nom_commune":"MONTPELLIER","nom_etablissement":"UFR SCIENCES TECHNOLOG SANTE"}""";
    private static final String COMMON = IDENTITE + "," + WITHOUT_IDENTITE;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
        redis.key().del("guichet:cnous:token");
        String basic = Base64.getEncoder().encodeToString((WireMockUpstreams.CNOUS_CLIENT_ID + ":"
                + WireMockUpstreams.CNOUS_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/cnous/token"))
                .withHeader("Authorization", WireMock.equalTo("Basic " + basic))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200}")));
    }

    private static void answer(MappingBuilder request, int status, String body) {
        WireMockUpstreams.server().stubFor(request.withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String payload(String name) {
        return Payloads.read("cnous/" + name);
    }

    private static Response call(String path, Map<String, List<String>> values) {
        return given().urlEncodingEnabled(false).get(path + "?" + ParticulierQuery.encode(ParticulierQuery.of(values)));
    }

    private static void assertBody(String expectedData, Response response, String operationId) throws Exception {
        String body = response.then().statusCode(200).extract().asString();
        assertEquals(JSON.readTree("{\"data\":{" + expectedData + "},\"links\":{},\"meta\":{}}"), JSON.readTree(body));
        ParticulierContract.assertValid(operationId, 200, body);
    }

    private static Map<String, List<String>> identity() {
        Map<String, List<String>> identity = new LinkedHashMap<>();
        identity.put("nomNaissance", List.of("Martin"));
        identity.put("prenoms", List.of("Jerome", "Francis"));
        identity.put("anneeDateNaissance", List.of("1980"));
        identity.put("moisDateNaissance", List.of("11"));
        identity.put("jourDateNaissance", List.of("14"));
        identity.put("sexeEtatCivil", List.of("M"));
        identity.put("codeCogInseeCommuneNaissance", List.of("79048"));
        return identity;
    }

    @Test
    void aScholarshipHolderByIneIsMappedInV3() throws Exception {
        answer(get(urlPathEqualTo("/cnous/ine/012345678GD")), 200, payload("student_scholarship_valid_response.json"));
        assertBody(COMMON + ",\"est_boursier\":true", call("/v3/cnous/etudiant_boursier/ine", Map.of("ine", List.of("012345678GD"))),
                "api_particulier_v3_cnous_etudiant_boursier_with_ine");
    }

    @Test
    void v4SaysWhetherTheGrantWasWithdrawnAndAsksForTheCampaign() throws Exception {
        answer(get(urlPathEqualTo("/cnous/ine/012345678GD")).withQueryParam("campaignYear", WireMock.equalTo("2022")), 200,
                payload("student_scholarship_valid_response_removed.json"));
        assertBody(COMMON + ",\"statut_boursier\":{\"est_boursier\":true,\"est_radie\":true,\"date_radiation\":\"2023-06-15\"}",
                call("/v4/cnous/etudiant_boursier/ine", Map.of("ine", List.of("012345678GD"), "campaignYear", List.of("2022"))),
                "api_particulier_v4_cnous_etudiant_boursier_with_ine");
    }

    @Test
    void aCampaignYearOutOfRangeIs422() {
        call("/v4/cnous/etudiant_boursier/ine", Map.of("ine", List.of("012345678GD"), "campaignYear", List.of("2019")))
                .then().statusCode(422)
                .body("errors[0].code", equalTo("00368"))
                .body("errors[0].source.parameter", equalTo("campaignYear"));
    }

    @Test
    void aScholarshipHolderByIdentityIsPostedAsCnousAsksForIt() throws Exception {
        answer(post(urlPathEqualTo("/cnous/identite")).withRequestBody(equalToJson("""
                {"lastName":"Martin","firstNames":"Jerome, Francis","birthDate":"14/11/1980","birthPlace":"79048","civility":"M"}""")),
                200, "[" + payload("student_scholarship_valid_response_without_birthplace.json") + "]");
        assertBody(COMMON + ",\"est_boursier\":true", call("/v3/cnous/etudiant_boursier/identite", identity()),
                "api_particulier_v3_cnous_etudiant_boursier_with_civility");
    }

    @Test
    void aFranceConnectUserIsAskedWithAJsonBody() throws Exception {
        answer(get(urlPathEqualTo("/cnous/france_connect")).withRequestBody(equalToJson("""
                {"given_name":"Jerome, Francis","family_name":"Martin","birthdate":"14/11/1980","gender":"M","birthplace":"79048"}""")),
                200, payload("student_scholarship_valid_response.json"));
        // The FranceConnect answer leaves the user's own identity out, as the official schema says.
        assertBody(WITHOUT_IDENTITE + ",\"est_boursier\":true", call("/v3/cnous/etudiant_boursier/france_connect", identity()),
                "api_particulier_v3_cnous_etudiant_boursier_with_france_connect");
    }

    @Test
    void notFoundRefusedAndSeveralStudentsHaveTheirCodes() {
        answer(get(urlPathEqualTo("/cnous/ine/012345678GD")), 404, payload("student_scholarship_not_found.json"));
        call("/v3/cnous/etudiant_boursier/ine", Map.of("ine", List.of("012345678GD"))).then().statusCode(404)
                .body("errors[0].code", equalTo("26003"))
                .body("errors[0].detail", equalTo("Aucun étudiant boursier n'a pu être trouvé avec les critères de recherche fournis."))
                .body("errors[0].meta.provider", equalTo("CNOUS"));
        answer(get(urlPathEqualTo("/cnous/ine/012345678GD")), 400, payload("student_scholarship_bad_request.json"));
        call("/v3/cnous/etudiant_boursier/ine", Map.of("ine", List.of("012345678GD"))).then().statusCode(422)
                .body("errors[0].code", equalTo("00360"));
        answer(post(urlPathEqualTo("/cnous/identite")), 400, payload("student_scholarship_bad_request.json"));
        call("/v3/cnous/etudiant_boursier/identite", identity()).then().statusCode(422)
                .body("errors[0].code", equalTo("00366"));
        String one = payload("student_scholarship_valid_response.json");
        answer(post(urlPathEqualTo("/cnous/identite")), 200, "[" + one + "," + one + "]");
        call("/v3/cnous/etudiant_boursier/identite", identity()).then().statusCode(409)
                .body("errors[0].code", equalTo("26015"));
        answer(get(urlPathEqualTo("/cnous/ine/012345678GD")), 500, "{}");
        call("/v3/cnous/etudiant_boursier/ine", Map.of("ine", List.of("012345678GD"))).then().statusCode(502)
                .body("errors[0].code", equalTo("26000"));
    }

    @Test
    void theTokenIsSharedAndARefusedOneIsReplacedOnce() {
        answer(get(urlPathEqualTo("/cnous/ine/012345678GD")), 200, payload("student_scholarship_valid_response.json"));
        call("/v3/cnous/etudiant_boursier/ine", Map.of("ine", List.of("012345678GD"))).then().statusCode(200);
        call("/v3/cnous/etudiant_boursier/ine", Map.of("ine", List.of("012345678GD"))).then().statusCode(200);
        WireMockUpstreams.server().verify(1, postRequestedFor(urlPathEqualTo("/cnous/token")));
        // CNOUS refuses any other token.
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/cnous/ine/012345678GD")).atPriority(10)
                .willReturn(aResponse().withStatus(401)));
        redis.value(String.class).set("guichet:cnous:token", "expired-token");
        call("/v3/cnous/etudiant_boursier/ine", Map.of("ine", List.of("012345678GD"))).then().statusCode(200);
        WireMockUpstreams.server().verify(2, postRequestedFor(urlPathEqualTo("/cnous/token")));
    }
}
