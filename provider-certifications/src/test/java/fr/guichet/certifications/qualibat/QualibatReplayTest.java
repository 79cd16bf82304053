package fr.guichet.certifications.qualibat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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

/**
 * Production mode against Qualibat played by WireMock: the recorded token and certificate (a PDF),
 * the recorded "not certified" JSON, then other answers.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class QualibatReplayTest {

    static final Map<String, String> QUERY = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    static final String KNOWN = "89785620900019";
    static final String NOT_CERTIFIED = "55203253400646";

    @Inject
    RedisDataSource redis;

    static String path(String version, String siret) {
        return "/" + version + "/qualibat/etablissements/" + siret + "/certification_batiment";
    }

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
        redis.key().del("guichet:qualibat:token");
    }

    @Test
    void theRecordedCertificateIsFetchedWithTheRecordedTokenStoredAndLinked() {
        List<Cassettes.Exchange> recorded = Cassettes.replay("upstream/qualibat/cassettes/certifications_batiment/valid_siret_2.yml");
        Response response = given().queryParams(QUERY).get(path("v3", KNOWN));
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        OpenApiContract.assertValid(path("v3", KNOWN), 200, body);
        response.then().body("data.document_url", startsWith("http://localhost:8080/proxy/files/"))
                .body("data.expires_in", equalTo(86400));
        String url = response.jsonPath().getString("data.document_url");
        assertArrayEquals(recorded.get(1).responseBody(),
                redis.value(byte[].class).get(DocumentKeys.key(url.substring(url.lastIndexOf('/') + 1))));
        WireMockUpstreams.server().verify(postRequestedFor(urlPathEqualTo("/qualibat/token"))
                .withHeader("Authorization", WireMock.equalTo(recorded.get(0).requestHeaders().get("Authorization"))));
        WireMockUpstreams.server().verify(getRequestedFor(urlPathEqualTo("/qualibat/certificat/" + KNOWN))
                .withHeader("Authorization", WireMock.equalTo(recorded.get(1).requestHeaders().get("Authorization"))));
    }

    @Test
    void qualibatsNotCertifiedIs404With06003() {
        Cassettes.replay("upstream/qualibat/cassettes/certifications_batiment/not_found_siret_2.yml");
        Response response = given().queryParams(QUERY).get(path("v3", NOT_CERTIFIED));
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("v3", NOT_CERTIFIED), 404, response.asString());
        response.then().body("errors[0].code", equalTo("06003")).body("errors[0].meta.provider", equalTo("Qualibat"));
    }

    @Test
    void qualibats500Is06000AndAnEmptyFileIs06999() {
        Cassettes.replay("upstream/qualibat/cassettes/basic_auth.yml");
        String certificate = "/qualibat/certificat/" + KNOWN;
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(certificate)).willReturn(aResponse().withStatus(500)));
        given().queryParams(QUERY).get(path("v3", KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("06000"));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(certificate)).willReturn(aResponse().withStatus(200)));
        given().queryParams(QUERY).get(path("v3", KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("06999"));
    }

    @Test
    void v4IsNotServedInProductionMode() {
        given().queryParams(QUERY).get(path("v4", KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("06999"));
    }
}
