package fr.guichet.certifications.opqibi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.certifications.support.Cassettes;
import fr.guichet.certifications.support.ProductionProfile;
import fr.guichet.certifications.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Production mode against OPQIBI played by WireMock: the recorded certificate and not-found, then other answers. */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class OpqibiReplayTest {

    static final Map<String, String> QUERY = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    static final String KNOWN = "434717997";

    static String path(String siren) {
        return "/v3/opqibi/unites_legales/" + siren + "/certification_ingenierie";
    }

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    @Test
    void theRecordedCertificateIsMappedToTheOfficialSchema() {
        Cassettes.replay("upstream/opqibi/cassettes/certifications_ingenierie/valid_siren.yml");
        Response response = given().queryParams(QUERY).get(path(KNOWN));
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        OpenApiContract.assertValid(path(KNOWN), 200, body);
        response.then()
                .body("data.numero_certificat", equalTo("12 34 5678"))
                .body("data.url", equalTo("https://www.opqibi.com/fiche/9876"))
                .body("data.date_delivrance_certificat", equalTo("2021-06-15"))
                .body("data.duree_validite_certificat", equalTo("valable un an"))
                .body("data.assurances", equalTo("ANONYME"))
                .body("data.qualifications.size()", equalTo(2))
                .body("data.qualifications[0].nom", equalTo("Étude en ingénierie thermique"))
                .body("data.qualifications[0].code_qualification", equalTo("2001"))
                .body("data.qualifications[0].definition", equalTo("Optimisation énergétique des bâtiments"))
                .body("data.qualifications[0].rge", equalTo(false))
                .body("data.date_validite_qualifications", equalTo("2024-06-15"))
                .body("data.qualifications_probatoires[0].code_qualification", equalTo("2003"))
                .body("data.date_validite_qualifications_probatoires", equalTo("2022-06-15"));
        WireMockUpstreams.server().verify(getRequestedFor(urlPathEqualTo("/opqibi/certificats/" + KNOWN)));
    }

    @Test
    void opqibis404Is404With11003() {
        Cassettes.replay("upstream/opqibi/cassettes/certifications_ingenierie/not_found_siren.yml");
        // The recorded SIREN 000000000 passes the checksum; the gateway would let it through too.
        Response response = given().queryParams(QUERY).get(path("000000000"));
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("000000000"), 404, response.asString());
        response.then().body("errors[0].code", equalTo("11003")).body("errors[0].meta.provider", equalTo("OPQIBI"));
    }

    @Test
    void otherAnswersAre502() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/opqibi/certificats/" + KNOWN)).willReturn(aResponse().withStatus(403)));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("11999"));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/opqibi/certificats/" + KNOWN)).willReturn(aResponse().withStatus(502)));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("11001"));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/opqibi/certificats/" + KNOWN)).willReturn(aResponse().withStatus(200).withBody("[]")));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("11999"));
    }
}
