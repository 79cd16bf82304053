package fr.guichet.certifications.ademe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
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

/**
 * Production mode against ADEME played by WireMock: the recorded exchanges (known SIRET, SIRET
 * without certificate) replayed as recorded, then ADEME's other answers for the error mapping.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class AdemeReplayTest {

    static final String KNOWN = "50530961700023";
    static final String UNKNOWN = "82525962500028";
    static final Map<String, String> QUERY = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");

    static String path(String siret) {
        return "/v3/ademe/etablissements/" + siret + "/certification_rge";
    }

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    @Test
    void theRecordedCertificatesAreAskedAsRecordedAndMappedToTheOfficialSchema() {
        Cassettes.replay("upstream/ademe/cassettes/certificats_rge/valid_siret.yml");
        Response response = given().queryParams(QUERY).get(path(KNOWN));
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        OpenApiContract.assertValid(path(KNOWN), 200, body);
        response.then()
                .body("data.size()", equalTo(9))
                .body("data[0].data.url", equalTo("https://www.qualibat.com/Views/GetFichier.aspx?fn=2022\\D71-Certificat-112379-MIXENERGIE-E112379-2-20220214-RGEAnnexe.pdf"))
                .body("data[0].data.nom_certificat", equalTo("QUALIBAT-RGE"))
                .body("data[0].data.domaine", equalTo("Ventilation mécanique"))
                .body("data[0].data.meta_domaine", equalTo("Travaux d'efficacité énergétique"))
                .body("data[0].data.qualification.code", equalTo("8611M12D108"))
                .body("data[0].data.organisme", equalTo("qualibat"))
                .body("data[0].data.date_attribution", equalTo("2019-01-24"))
                .body("data[0].data.date_expiration", equalTo("2023-02-04"))
                .body("data[0].data.meta.internal_id", equalTo("Q112379-8611M12D108-2022-03-30"))
                .body("data[0].data.meta.updated_at", equalTo("2022-03-30"))
                .body("data[0].data.meta.archived", equalTo(false))
                .body("data[0].links.size()", equalTo(0))
                .body("meta.size()", equalTo(0));
        WireMockUpstreams.server().verify(getRequestedFor(urlPathEqualTo("/ademe"))
                .withQueryParam("qs", WireMock.equalTo("siret:" + KNOWN + " AND traitement_termine:false"))
                .withQueryParam("size", WireMock.equalTo("1000"))
                .withHeader("X-Apikey", WireMock.equalTo(WireMockUpstreams.ADEME_API_KEY))
                .withHeader("Referer", WireMock.equalTo("https://test.entreprise.api.gouv.fr")));
    }

    @Test
    void noResultIs404With19003() {
        Cassettes.replay("upstream/ademe/cassettes/certificats_rge/not_found_siret.yml");
        Response response = given().queryParams(QUERY).get(path(UNKNOWN));
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path(UNKNOWN), 404, response.asString());
        response.then().body("errors[0].code", equalTo("19003")).body("errors[0].meta.provider", equalTo("ADEME"));
    }

    @Test
    void anotherStatusOrAnUnreadableAnswerIs502With19999() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/ademe")).willReturn(aResponse().withStatus(400).withBody("{}")));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("19999"));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/ademe")).willReturn(aResponse().withStatus(200).withBody("<html>")));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("19999"));
    }

    @Test
    void outagesAreTheFamilysErrors() throws InterruptedException {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/ademe")).willReturn(aResponse().withStatus(503)));
        Response unavailable = given().queryParams(QUERY).get(path(KNOWN));
        assertEquals(502, unavailable.statusCode());
        OpenApiContract.assertValid(path(KNOWN), 502, unavailable.asString());
        unavailable.then().body("errors[0].code", equalTo("19001"));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/ademe")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("19001"));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/ademe")).willReturn(aResponse().withStatus(200).withFixedDelay(6000)));
        Response late = given().queryParams(QUERY).get(path(KNOWN));
        assertEquals(504, late.statusCode());
        OpenApiContract.assertValid(path(KNOWN), 504, late.asString());
        late.then().body("errors[0].code", equalTo("19002"));
        // Let WireMock finish the late answer before the next test stubs its own.
        Thread.sleep(1500);
    }
}
