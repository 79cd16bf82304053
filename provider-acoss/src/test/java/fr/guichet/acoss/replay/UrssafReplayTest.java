package fr.guichet.acoss.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import fr.guichet.acoss.support.OpenApiContract;
import fr.guichet.acoss.support.ProductionProfile;
import fr.guichet.acoss.support.RecordedExchanges;
import fr.guichet.acoss.support.RecordedExchanges.Exchange;
import fr.guichet.acoss.support.WireMockUpstreams;
import fr.guichet.acoss.client.OAuth2Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against URSSAF played by WireMock: the recorded exchanges (OAuth2, known SIREN,
 * unknown SIREN) replayed as recorded, and URSSAF's other answers (FUNCxxx error lists in the shape
 * of the recorded FUNC517 one, broken documents, outages) to check the error mapping.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class UrssafReplayTest {

    static final String KNOWN_SIREN = "511101651";
    /** The beneficiary of the recorded demand: our {@code recipient} becomes URSSAF's {@code beneficiaire}. */
    static final String RECIPIENT = "78951073200017";
    static final String V3 = "/v3/urssaf/unites_legales/" + KNOWN_SIREN + "/attestation_vigilance";
    static final String V4 = "/v4/urssaf/unites_legales/" + KNOWN_SIREN + "/attestation_vigilance";
    static final String TOKEN_PATH = "/urssaf/api/oauth/v1/token";
    static final String DEMAND_PATH = "/urssaf/attn/entreprise/v1/demandes/api_entreprise";

    @Inject
    RedisDataSource redis;

    WireMockServer upstream;

    @BeforeEach
    void reset() {
        upstream = WireMockUpstreams.server();
        upstream.resetAll();
        redis.key().del(OAuth2Tokens.KEY_PREFIX + "urssaf", OAuth2Tokens.KEY_PREFIX + "gip_mds");
    }

    @Test
    void v4ReadsTheFactsOfTheRecordedAttestation() {
        List<Exchange> exchanges = RecordedExchanges.replay(upstream, "upstream/acoss/with_valid_siren.yml",
                WireMockUpstreams.placeholders());
        Response response = call(V4);
        OpenApiContract.conforms(V4, response);
        // Read by hand from the recorded PDF: "CODE DE SÉCURITÉ 8TFYQDUKZVQ5BIA", "à la date du 31/12/2022".
        response.then().statusCode(200)
                .body("data.code_securite", equalTo("8TFYQDUKZVQ5BIA"))
                .body("data.date_debut_validite", equalTo("2022-12-31"))
                .body("data.date_fin_validite", equalTo("2023-06-30"))
                .body("data.entity_status.code", equalTo("ok"))
                .body("data.document_url_expires_in", equalTo(86400))
                .body("data.document_url", matchesPattern("http://localhost:8080/proxy/files/[0-9a-f-]{36}"))
                .body("data.keySet()", containsInAnyOrder("document_url", "document_url_expires_in",
                        "date_debut_validite", "date_fin_validite", "code_securite", "entity_status"));
        String url = response.path("data.document_url");
        byte[] stored = redis.value(byte[].class).get("guichet:file:" + url.substring(url.lastIndexOf('/') + 1));
        assertArrayEquals(Base64.getDecoder().decode(exchanges.get(1).responseBody()), stored);
    }

    @Test
    void theTokenIsCachedInRedisAndDroppedBeforeItExpires() {
        RecordedExchanges.replay(upstream, "upstream/acoss/with_valid_siren.yml", WireMockUpstreams.placeholders());
        call(V3).then().statusCode(200);
        call(V4).then().statusCode(200);
        upstream.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        upstream.verify(2, postRequestedFor(urlPathEqualTo(DEMAND_PATH)));
        // expires_in 3600 recorded, refresh margin 5 minutes: kept at most 3300 s.
        long ttl = redis.key().ttl(OAuth2Tokens.KEY_PREFIX + "urssaf");
        assertTrue(ttl > 3290 && ttl <= 3300, "token TTL " + ttl);
        // Operators see upstream calls by upstream, path and status.
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("guichet_upstream_requests_seconds_count{outcome=\"200\","
                        + "path=\"/urssaf/attn/entreprise/v1/demandes/api_entreprise\",upstream=\"urssaf\"}"));
    }

    @Test
    void aTokenRefusedUpstreamIsReplacedOnce() {
        RecordedExchanges.replay(upstream, "upstream/acoss/with_valid_siren.yml", WireMockUpstreams.placeholders());
        redis.value(String.class).setex(OAuth2Tokens.KEY_PREFIX + "urssaf", 1000, "revoked-token");
        upstream.stubFor(post(urlPathEqualTo(DEMAND_PATH)).withHeader("Authorization", WireMock.equalTo("Bearer revoked-token"))
                .willReturn(aResponse().withStatus(401)));
        call(V4).then().statusCode(200).body("data.code_securite", equalTo("8TFYQDUKZVQ5BIA"));
        upstream.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void v3ReturnsTheDocumentUrl() {
        RecordedExchanges.replay(upstream, "upstream/acoss/with_valid_siren.yml", WireMockUpstreams.placeholders());
        Response response = call(V3);
        OpenApiContract.conforms(V3, response);
        response.then().statusCode(200)
                .body("data.document_url", matchesPattern("http://localhost:8080/proxy/files/[0-9a-f-]{36}"))
                .body("data.expires_in", equalTo(86400));
    }

    @Test
    void unknownSirenIs404WithUrssafErrors() {
        RecordedExchanges.replay(upstream, "upstream/acoss/with_non_existent_siren.yml", WireMockUpstreams.placeholders());
        String path = "/v4/urssaf/unites_legales/000000000/attestation_vigilance";
        Response response = call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(404)
                .body("errors[0].code", equalTo("04003"))
                .body("errors[0].title", equalTo("Entité non trouvée"))
                .body("errors[0].meta.provider", equalTo("ACOSS"))
                .body("errors[0].meta.provider_errors[0].code", equalTo("FUNC517"))
                .body("errors[0].meta.provider_errors[0].message", equalTo("Le Siren est inconnu"))
                .body("errors[0].meta.provider_errors[0].description",
                        equalTo("Le siren est inconnu du SI Attestations, radié ou hors périmètre"));
    }

    @Test
    void manualAnalysisIs04501WithRetryIn() {
        urssafAnswers(400, errors("FUNC503", "Analyse manuelle"));
        Response response = call(V3);
        OpenApiContract.conforms(V3, response);
        response.then().statusCode(502)
                .body("errors[0].code", equalTo("04501"))
                .body("errors[0].title", equalTo("Analyse manuelle de la situation du compte en cours"))
                .body("errors[0].meta.retry_in", equalTo(172800))
                .body("errors[0].meta.provider", equalTo("ACOSS"));
    }

    @Test
    void ongoingProcessingIs04502() {
        urssafAnswers(400, errors("FUNC504", "Traitement en cours"));
        call(V4).then().statusCode(502).body("errors[0].code", equalTo("04502"));
    }

    @Test
    void refusalIsAStatusInV4AndAnErrorInV3() {
        urssafAnswers(400, errors("FUNC502", "Attestation non délivrée"));
        Response v4 = call(V4);
        OpenApiContract.conforms(V4, v4);
        v4.then().statusCode(200)
                .body("data.entity_status.code", equalTo("refus_de_delivrance"))
                .body("data.document_url", nullValue())
                .body("data.date_debut_validite", nullValue());
        Response v3 = call(V3);
        OpenApiContract.conforms(V3, v3);
        v3.then().statusCode(502)
                .body("errors[0].code", equalTo("04503"))
                .body("errors[0].meta.provider_errors[0].code", equalTo("FUNC502"));
    }

    @Test
    void unknownUrssafErrorIs04999WithItsErrors() {
        urssafAnswers(400, errors("FUNC999", "Inattendu"));
        call(V4).then().statusCode(502)
                .body("errors[0].code", equalTo("04999"))
                .body("errors[0].meta.provider_errors[0].code", equalTo("FUNC999"));
    }

    @Test
    void aPdfThatIsNotAnAttestationIs502Not500() {
        urssafAnswers(200, Base64.getEncoder().encodeToString(resource("pdfs/dgfip_attestation_fiscale.pdf")));
        Response response = call(V4);
        OpenApiContract.conforms(V4, response);
        response.then().statusCode(502)
                .body("errors[0].code", equalTo("04055"))
                .body("errors[0].detail", containsString("n'est pas une attestation de vigilance"));
        call(V3).then().statusCode(502).body("errors[0].code", equalTo("04055"));
    }

    @Test
    void aTruncatedAttestationIs502Not500() {
        byte[] pdf = resource("pdfs/urssaf_basic.pdf");
        urssafAnswers(200, Base64.getEncoder().encodeToString(Arrays.copyOf(pdf, pdf.length - 200)));
        call(V4).then().statusCode(502)
                .body("errors[0].code", equalTo("04055"))
                .body("errors[0].detail", containsString("tronqué"));
    }

    @Test
    void undecodableAndEmptyBodies() {
        urssafAnswers(200, "ceci n'est pas du base64 !");
        call(V4).then().statusCode(502).body("errors[0].code", equalTo("04051"));
        urssafAnswers(200, "");
        call(V4).then().statusCode(502).body("errors[0].code", equalTo("04056"));
    }

    @Test
    void outagesAndTimeouts() {
        urssafAnswers(500, "<html><body>Internal Server Error</body></html>");
        call(V4).then().statusCode(502).body("errors[0].code", equalTo("04000"));
        urssafAnswers(503, "");
        call(V4).then().statusCode(504).body("errors[0].code", equalTo("04001"));
        upstream.stubFor(post(urlPathEqualTo(DEMAND_PATH))
                .willReturn(aResponse().withStatus(200).withBody("JVBERi0=").withFixedDelay(3000)));
        Response timeout = call(V4);
        OpenApiContract.conforms(V4, timeout);
        timeout.then().statusCode(504).body("errors[0].code", equalTo("04002"));
        upstream.stubFor(post(urlPathEqualTo(DEMAND_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Response reset = call(V3);
        OpenApiContract.conforms(V3, reset);
        reset.then().statusCode(504)
                .body("errors[0].code", equalTo("00501"))
                .body("errors[0].meta.retry_in", equalTo(10));
    }

    @Test
    void refusedCredentialsAre04006AndReadinessSaysBadGateway() {
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)));
        call(V4).then().statusCode(502).body("errors[0].code", equalTo("04006"));
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'URSSAF upstream' }.data.status", equalTo("bad_gateway"));
    }

    @Test
    void readinessUsesTheRecordedTokenExchange() {
        RecordedExchanges.replay(upstream, "upstream/acoss/oauth2.yml", WireMockUpstreams.placeholders());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'URSSAF upstream' }.data.status", equalTo("ok"))
                .body("checks.find { it.name == 'URSSAF upstream' }.data.mode", equalTo("production"))
                .body("checks.name", hasItem("GIP-MDS upstream"));
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)));
        redis.key().del(OAuth2Tokens.KEY_PREFIX + "urssaf");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'URSSAF upstream' }.data.status", equalTo("maintenance"));
    }

    /** URSSAF's answer to any demand, after the recorded token exchange. */
    private void urssafAnswers(int status, String body) {
        RecordedExchanges.replay(upstream, "upstream/acoss/oauth2.yml", WireMockUpstreams.placeholders());
        upstream.stubFor(post(urlPathEqualTo(DEMAND_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String errors(String code, String message) {
        return "[{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"description\":\"" + message + "\"}]";
    }

    static Response call(String path) {
        return given().queryParam("recipient", RECIPIENT).queryParam("context", "Test")
                .queryParam("object", "Test").get(path);
    }

    static byte[] resource(String path) {
        try (InputStream in = UrssafReplayTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
