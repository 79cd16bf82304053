package fr.guichet.registers.rnm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.registers.support.Calls;
import fr.guichet.registers.support.Cassettes;
import fr.guichet.registers.support.ProductionProfile;
import fr.guichet.registers.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against CMA France's recorded exchanges: the RNM request as recorded, the body
 * valid against the official OpenAPI, the 404 and the unreadable answers mapped as API Entreprise
 * maps them.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class RnmReplayTest {

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    private static Cassettes.Exchange replay(String cassette) {
        Cassettes.Exchange e = Cassettes.load("rnm_cma/cassettes/" + cassette, WireMockUpstreams.placeholders()).get(0);
        WireMockUpstreams.server().stubFor(get(urlEqualTo(e.pathAndQuery(WireMockUpstreams.server().baseUrl())))
                .willReturn(aResponse().withStatus(e.status()).withHeader("Content-Type", e.responseContentType())
                        .withBody(e.responseBody())));
        return e;
    }

    private static Response call(String siren) {
        return given().queryParams(Calls.MANDATORY_PARAMS).get("/v3/cma_france/rnm/unites_legales/" + siren);
    }

    @Test
    void anArtisanalCompanyIsMappedAsRecordedAndConforms() {
        Cassettes.Exchange e = replay("valid_siren_json.yml");
        Response response = call("301123626");
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid("/v3/cma_france/rnm/unites_legales/301123626", 200, response.asString());
        response.then().body("data.modalite_exercice", equalTo("P"))
                .body("data.non_sedentaire", equalTo(e.responseText().replaceAll("(?s).*\"ent_act_non_sedentaire\":\"(\\d)\".*", "$1")));
        WireMockUpstreams.server().verify(getRequestedFor(urlEqualTo("/rnm/v2/entreprises/301123626?format=json")));
    }

    @Test
    void anUnknownCompanyIs404_15003() {
        replay("not_found_siren.yml");
        Response response = call("877862425");
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid("/v3/cma_france/rnm/unites_legales/877862425", 404, response.asString());
        response.then().body("errors[0].code", equalTo("15003"))
                .body("errors[0].meta.provider", equalTo("CMA France"));
    }

    @Test
    void anAnswerWithoutTheCompanyOrAnErrorStatusIs502_15999() {
        for (int status : new int[] {200, 500}) {
            WireMockUpstreams.server().resetAll();
            WireMockUpstreams.server().stubFor(get(urlEqualTo("/rnm/v2/entreprises/301123626?format=json"))
                    .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("{}")));
            call("301123626").then().statusCode(502)
                    .body("errors[0].code", equalTo("15999"))
                    .body("errors[0].meta.provider", equalTo("CMA France"));
        }
    }

    @Test
    void aSlowRnmIs504_15002() {
        WireMockUpstreams.server().stubFor(get(urlEqualTo("/rnm/v2/entreprises/301123626?format=json"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(6_000).withBody("{}")));
        call("301123626").then().statusCode(504).body("errors[0].code", equalTo("15002"));
    }
}
