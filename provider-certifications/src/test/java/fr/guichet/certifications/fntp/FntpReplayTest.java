package fr.guichet.certifications.fntp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.certifications.support.Cassettes;
import fr.guichet.certifications.support.ProductionProfile;
import fr.guichet.certifications.support.WireMockUpstreams;
import fr.guichet.common.provider.DocumentKeys;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Production mode against FNTP played by WireMock: the recorded card (a PDF) and not-found, then other answers. */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class FntpReplayTest {

    static final Map<String, String> QUERY = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    static final String KNOWN = "562077503";

    @Inject
    RedisDataSource redis;

    static String path(String siren) {
        return "/v3/fntp/unites_legales/" + siren + "/carte_professionnelle_travaux_publics";
    }

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    @Test
    void theRecordedCardIsStoredForTheGatewayAndLinked() {
        List<Cassettes.Exchange> recorded = Cassettes.replay("upstream/fntp/cassettes/carte_professionnelle_travaux_publics/valid_siren.yml");
        Response response = given().queryParams(QUERY).get(path(KNOWN));
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        OpenApiContract.assertValid(path(KNOWN), 200, body);
        response.then().body("data.document_url", startsWith("http://localhost:8080/proxy/files/"))
                .body("data.expires_in", equalTo(86400));
        String url = response.jsonPath().getString("data.document_url");
        byte[] stored = redis.value(byte[].class).get(DocumentKeys.key(url.substring(url.lastIndexOf('/') + 1)));
        assertArrayEquals(recorded.get(0).responseBody(), stored);
        WireMockUpstreams.server().verify(getRequestedFor(urlPathEqualTo("/fntp/rip/sgmap/" + KNOWN + "/cartepro"))
                .withQueryParam("token", WireMock.equalTo(WireMockUpstreams.FNTP_TOKEN))
                .withHeader("Content-Type", WireMock.equalTo("application/pdf")));
    }

    @Test
    void fntps404Is404With12003() {
        Cassettes.replay("upstream/fntp/cassettes/carte_professionnelle_travaux_publics/not_found_siren.yml");
        Response response = given().queryParams(QUERY).get(path("000000000"));
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("000000000"), 404, response.asString());
        response.then().body("errors[0].code", equalTo("12003")).body("errors[0].meta.provider", equalTo("FNTP"));
    }

    @Test
    void fntps500Is12000AndAnythingButAPdfIs12999() {
        String card = "/fntp/rip/sgmap/" + KNOWN + "/cartepro";
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(card)).willReturn(aResponse().withStatus(500)));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("12000"));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(card)).willReturn(aResponse().withStatus(200).withBody("<html>erreur</html>")));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("12999"));
    }
}
