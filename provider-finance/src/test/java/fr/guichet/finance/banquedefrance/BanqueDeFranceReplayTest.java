package fr.guichet.finance.banquedefrance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.finance.support.ProductionProfile;
import fr.guichet.finance.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import fr.guichet.testing.upstream.Cassettes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of the Banque de France's balance sheets against API Entreprise's recorded
 * exchanges (upstream/banque_de_france): the request sent as recorded, the answer mapped to the
 * official v3 collection, and each upstream error mapped as API Entreprise's ValidateResponse does.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class BanqueDeFranceReplayTest {

    static final Map<String, String> TRACING = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    static final String UPSTREAM_PATH = "/bdf/bilans/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    private static String path(String siren) {
        return "/v3/banque_de_france/unites_legales/" + siren + "/bilans";
    }

    private static void answer(String siren, int status, String body) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH + siren))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
    }

    @Test
    void balanceSheetsAreAskedAsRecordedAndMappedToTheOfficialBody() throws Exception {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/banque_de_france/valid_siren.yml", WireMockUpstreams.placeholders());

        Response response = given().queryParams(TRACING).get(path("356000000"));

        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("356000000"), 200, response.asString());
        JsonNode body = JSON.readTree(response.asString());
        assertEquals(3, body.path("meta").path("count").asInt());
        assertEquals(3, body.path("data").size());
        JsonNode first = body.path("data").path(0).path("data");
        assertEquals("2017", first.path("annee").asText());
        assertEquals("2017-12", first.path("date_arrete_exercice").asText());
        // kEuros to euros; the French decimal comma of the evolutions read as such.
        assertEquals(JSON.readTree("""
                {"numero_imprime": "2052", "donnees": [{"code_nref": "300506", "valeurs": ["5432100000"], "evolution": -2.34}]}"""),
                first.path("declarations").path(1));
        JsonNode passif = first.path("declarations").path(0).path("donnees").path(0);
        assertEquals("300476", passif.path("code_nref").asText());
        assertEquals("7890123000", passif.path("valeurs").path(0).asText());
        // The upstream's misspelt "dettes3Emrunts..." key is read.
        JsonNode dettes3 = first.path("declarations").path(0).path("donnees").path(6);
        assertEquals("300455", dettes3.path("code_nref").asText());
        assertEquals("0", dettes3.path("valeurs").path(0).asText());
        assertTrue(dettes3.path("evolution").isNull());
        JsonNode computed = first.path("valeurs_calculees").path(0);
        assertEquals("-987654000", computed.path("excedent_brut_exploitation").path("valeur").asText());
        assertEquals(-8.90, computed.path("excedent_brut_exploitation").path("evolution").asDouble());
        // "frng/bfr": "-" (not computed) leaves the ratio without a value.
        assertFalse(computed.path("ratio_fonds_roulement_net_global_sur_besoin_en_fonds_de_roulement").has("valeur"));
        assertEquals(-15.67, computed.path("total_dettes_stables").path("evolution").asDouble());

        WireMockUpstreams.server().verify(1, getRequestedFor(urlEqualTo(UPSTREAM_PATH + "356000000"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aLaterAnswerWithAComputedRatioIsMappedToo() throws Exception {
        String recorded;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("upstream/banque_de_france/bilans_entreprise_valid_data.json")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        answer("552049447", 200, recorded);

        Response response = given().queryParams(TRACING).get(path("552049447"));

        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("552049447"), 200, response.asString());
        JsonNode ratio = JSON.readTree(response.asString()).path("data").path(0).path("data").path("valeurs_calculees").path(0)
                .path("ratio_fonds_roulement_net_global_sur_besoin_en_fonds_de_roulement");
        assertEquals(101.26, ratio.path("valeur").asDouble());
        assertEquals(-0.54, ratio.path("evolution").asDouble());
    }

    /** The recorded "Pas de donnees": HTTP 200, code-retour 204, bilans null. */
    @Test
    void noDataIs404With17003() {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/banque_de_france/not_found_siren.yml", WireMockUpstreams.placeholders());

        Response response = given().queryParams(TRACING).get(path("000000000"));

        assertEquals(404, response.statusCode(), response.asString());
        assertEquals("17003", response.path("errors[0].code"));
        assertEquals("Banque de France", response.path("errors[0].meta.provider"));
        OpenApiContract.assertValid(path("000000000"), 404, response.asString());
        WireMockUpstreams.server().verify(1, getRequestedFor(urlEqualTo(UPSTREAM_PATH + "000000000")));
    }

    @Test
    void codeRetour400AndAnHttp404Are404With17003() {
        answer("552049447", 200, "{\"siren\":\"552049447\",\"code-retour\":400,\"bilans\":null}");
        given().queryParams(TRACING).get(path("552049447")).then().statusCode(404).body("errors[0].code", is("17003"));

        answer("552049447", 404, "");
        given().queryParams(TRACING).get(path("552049447")).then().statusCode(404).body("errors[0].code", is("17003"));
    }

    @Test
    void theBanqueDeFrancesOwnFailuresAre502With17000() {
        answer("552049447", 200, "{\"siren\":\"552049447\",\"code-retour\":500,\"bilans\":[]}");
        Response response = given().queryParams(TRACING).get(path("552049447"));
        assertEquals(502, response.statusCode(), response.asString());
        assertEquals("17000", response.path("errors[0].code"));
        OpenApiContract.assertValid(path("552049447"), 502, response.asString());

        answer("552049447", 500, "oops");
        given().queryParams(TRACING).get(path("552049447")).then().statusCode(502).body("errors[0].code", is("17000"));
        answer("552049447", 408, "");
        given().queryParams(TRACING).get(path("552049447")).then().statusCode(502).body("errors[0].code", is("17000"));
    }

    @Test
    void unusableAnswersAre502With17999() {
        answer("552049447", 200, "<html>proxy</html>");
        given().queryParams(TRACING).get(path("552049447")).then().statusCode(502)
                .body("errors[0].code", is("17999")).body("errors[0].meta.provider", is("Banque de France"));
        answer("552049447", 200, "{\"code-retour\":200,\"bilans\":null}");
        given().queryParams(TRACING).get(path("552049447")).then().statusCode(502).body("errors[0].code", is("17999"));
        answer("552049447", 401, "{}");
        given().queryParams(TRACING).get(path("552049447")).then().statusCode(502).body("errors[0].code", is("17999"));
    }

    @Test
    void anUnavailableUpstreamIs502With17001AndASlowOneIs504With17002() {
        answer("552049447", 503, "");
        given().queryParams(TRACING).get(path("552049447")).then().statusCode(502).body("errors[0].code", is("17001"));

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH + "732829320"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(9_000).withBody("{}")));
        given().queryParams(TRACING).get(path("732829320")).then().statusCode(504).body("errors[0].code", is("17002"));
    }

    @Test
    void aMalformedSirenIs422WithoutAskingTheBanqueDeFrance() {
        given().queryParams(TRACING).get(path("123")).then().statusCode(422).body("errors[0].code", is("00301"));
        WireMockUpstreams.server().verify(0, getRequestedFor(urlPathEqualTo(UPSTREAM_PATH + "123")));
    }

    @Test
    void readinessReportsTheBanqueDeFranceUpstream() {
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'banque-de-france' }.status", is("UP"));
    }
}
