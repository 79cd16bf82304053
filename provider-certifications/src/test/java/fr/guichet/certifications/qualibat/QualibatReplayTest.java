package fr.guichet.certifications.qualibat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
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
import java.io.IOException;
import java.io.InputStream;
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
        Response response = okAndValid("v3");
        response.then().body("data.document_url", startsWith("http://localhost:8080/proxy/files/"))
                .body("data.expires_in", equalTo(86400));
        assertStoredAndFetchedWithTheRecordedToken(recorded, response);
    }

    /** The answer for {@link #KNOWN} in {@code version}: a 200 valid against the official OpenAPI. */
    private static Response okAndValid(String version) {
        Response response = given().queryParams(QUERY).get(path(version, KNOWN));
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path(version, KNOWN), 200, response.asString());
        return response;
    }

    /** The recorded PDF is the stored document, asked for with the recorded credentials and token. */
    private void assertStoredAndFetchedWithTheRecordedToken(List<Cassettes.Exchange> recorded, Response response) {
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
    void v4ReadsTheRecordedCertificatesFactsAndLinksIt() {
        List<Cassettes.Exchange> recorded = Cassettes.replay("upstream/qualibat/cassettes/certifications_batiment/valid_siret_2.yml");
        Response response = okAndValid("v4");
        // The recorded PDF: "ÉDITÉ LE 10/10/2022", "VALABLE JUSQU'AU 03/10/2023", one qualification.
        response.then().body("data.document_url", startsWith("http://localhost:8080/proxy/files/"))
                .body("data.document_url_expires_in", equalTo(86400))
                .body("data.date_emission", equalTo("2022-10-10"))
                .body("data.date_fin_validite", equalTo("2023-10-03"))
                .body("data.entity.assurance_responsabilite_travaux.nom", equalTo("MUTUELLE VAL DE SAÔNE BEAUJOLAIS"))
                .body("data.entity.assurance_responsabilite_travaux.identifiant", equalTo("3CHOQ-5000593-A"))
                .body("data.entity.assurance_responsabilite_civile.nom", equalTo("MUTUELLE VAL DE SAÔNE BEAUJOLAIS"))
                .body("data.entity.assurance_responsabilite_civile.identifiant", equalTo("3CHOQ-5000593-A"))
                .body("data.entity.certifications.size()", equalTo(1))
                .body("data.entity.certifications[0].code", equalTo("6222"))
                .body("data.entity.certifications[0].libelle", equalTo("Revêtements résilients PVC (Technicité confirmée)"))
                .body("data.entity.certifications[0].rge", equalTo(false))
                .body("data.entity.certifications[0].date_attribution", equalTo("2022-10-04"))
                .body("meta", hasKey("extractor_error"))
                .body("meta.extractor_error", nullValue());
        assertStoredAndFetchedWithTheRecordedToken(recorded, response);
    }

    @Test
    void v4OfACertificateWithoutTextIsStillLinkedWithInvalidFile() throws IOException {
        Cassettes.replay("upstream/qualibat/cassettes/basic_auth.yml");
        byte[] scanned;
        try (InputStream in = getClass().getResourceAsStream(
                "/sandbox/api_entreprise_v4_qualibat_certifications_batiment/exemple-qualibat.pdf")) {
            scanned = in.readAllBytes(); // API Entreprise's sample: an image, no text to read
        }
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/qualibat/certificat/" + KNOWN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(scanned)));
        Response response = okAndValid("v4");
        response.then().body("meta.extractor_error", equalTo("invalid_file"))
                .body("data.date_emission", nullValue())
                .body("data.entity.assurance_responsabilite_civile.nom", nullValue())
                .body("data.entity.certifications.size()", equalTo(0));
    }

    @Test
    void v4MapsQualibatsErrorsAsV3Does() {
        Cassettes.replay("upstream/qualibat/cassettes/certifications_batiment/not_found_siret_2.yml");
        Response response = given().queryParams(QUERY).get(path("v4", NOT_CERTIFIED));
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("v4", NOT_CERTIFIED), 404, response.asString());
        response.then().body("errors[0].code", equalTo("06003"));
        WireMockUpstreams.server().resetAll();
        Cassettes.replay("upstream/qualibat/cassettes/basic_auth.yml");
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/qualibat/certificat/" + KNOWN)).willReturn(aResponse().withStatus(500)));
        given().queryParams(QUERY).get(path("v4", KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("06000"));
    }
}
