package fr.guichet.finance.douanes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.testing.upstream.Cassettes;
import fr.guichet.finance.support.ProductionProfile;
import fr.guichet.finance.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of the customs' EORI registration against API Entreprise's recorded exchanges
 * (upstream/dgddi): the request sent as recorded, the answer mapped to the official v3 body, and
 * each upstream error mapped as API Entreprise does.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class DouanesReplayTest {

    static final Map<String, String> TRACING = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    static final String UPSTREAM_PATH = "/douanes/eori/";

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    private static String path(String siretOrEori) {
        return "/v3/douanes/etablissements/" + siretOrEori + "/immatriculations_eori";
    }

    @Test
    void aFrenchEoriIsAskedAsRecordedAndMappedToTheOfficialBody() throws Exception {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/dgddi/valid_eori.yml", WireMockUpstreams.placeholders());

        Response response = given().queryParams(TRACING).get(path("FR16002307300010"));

        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(new ObjectMapper().readTree("""
                {"data": {"id": "FR16002307300010", "actif": true, "code_pays": "FR", "code_postal": "95520",
                  "libelle": "CENTRE INFORMATIQUE DOUANIER", "pays": "FRANCE", "rue": "27 R DES BEAUX SOLEILS",
                  "ville": "OSNY"}, "links": {}, "meta": {}}"""), new ObjectMapper().readTree(response.asString()));
        OpenApiContract.assertValid(path("FR16002307300010"), 200, response.asString());
        WireMockUpstreams.server().verify(1, getRequestedFor(urlPathEqualTo(UPSTREAM_PATH + "FR16002307300010"))
                .withQueryParam("idClient", equalTo(WireMockUpstreams.DOUANES_CLIENT_ID))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void anotherMemberStatesEoriIsServedToo() {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/dgddi/valid_spanish_eori.yml", WireMockUpstreams.placeholders());

        Response response = given().queryParams(TRACING).get(path("ESA08536583"));

        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("ES", response.path("data.code_pays"));
        assertEquals("ESA08536583", response.path("data.id"));
        OpenApiContract.assertValid(path("ESA08536583"), 200, response.asString());
    }

    @Test
    void theCustoms404Is16003() {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/dgddi/non_existing_eori.yml", WireMockUpstreams.placeholders());

        Response response = given().queryParams(TRACING).get(path("FR82827787100020"));

        assertEquals(404, response.statusCode(), response.asString());
        assertEquals("16003", response.path("errors[0].code"));
        assertEquals("Douanes", response.path("errors[0].meta.provider"));
        OpenApiContract.assertValid(path("FR82827787100020"), 404, response.asString());
    }

    /** The recorded 400 answers a number API Entreprise refuses before asking: so does Guichet. */
    @Test
    void aMalformedNumberIs422WithoutAskingTheCustoms() {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/dgddi/invalid_eori_format.yml", WireMockUpstreams.placeholders());

        given().queryParams(TRACING).get(path("Z")).then().statusCode(422)
                .body("errors[0].code", is("00304"));
        given().queryParams(TRACING).get(path("FR16002307300011")).then().statusCode(422)
                .body("errors[0].code", is("00304"));
        WireMockUpstreams.server().verify(0, getRequestedFor(urlPathMatching(UPSTREAM_PATH + ".*")));
    }

    /** The recorded 400 body, for a number that passes our check: an answer we cannot use, 502 16999. */
    @Test
    void anotherUpstreamErrorIs502With16999() {
        byte[] recorded = Cassettes.load("upstream/dgddi/invalid_eori_format.yml", WireMockUpstreams.placeholders()).get(0).responseBody();
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH + "DE123456789"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(recorded)));

        Response response = given().queryParams(TRACING).get(path("DE123456789"));

        assertEquals(502, response.statusCode(), response.asString());
        assertEquals("16999", response.path("errors[0].code"));
        OpenApiContract.assertValid(path("DE123456789"), 502, response.asString());
    }

    @Test
    void unavailableCustomsAre502With16001AndASlowOneIs504With16002() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH + "DE000000001"))
                .willReturn(aResponse().withStatus(503)));
        given().queryParams(TRACING).get(path("DE000000001")).then().statusCode(502)
                .body("errors[0].code", is("16001"))
                .body("errors[0].meta.provider", is("Douanes"));

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH + "DE000000002"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(9_000).withBody("{}")));
        given().queryParams(TRACING).get(path("DE000000002")).then().statusCode(504)
                .body("errors[0].code", is("16002"));
    }

    @Test
    void anAnswerWithoutEoriIs502With16999() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH + "DE000000003"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"autre\":1}")));
        given().queryParams(TRACING).get(path("DE000000003")).then().statusCode(502)
                .body("errors[0].code", is("16999"));
    }

    @Test
    void readinessReportsTheCustomsUpstream() {
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'douanes' }.status", is("UP"));
    }
}
