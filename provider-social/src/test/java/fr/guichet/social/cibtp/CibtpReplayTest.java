package fr.guichet.social.cibtp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.social.testing.Calls;
import fr.guichet.social.testing.Cassettes;
import fr.guichet.testing.cassette.Cassette;
import fr.guichet.social.testing.ReplayProfile;
import fr.guichet.social.testing.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against CIBTP played by WireMock: token then certificate, as recorded (valid,
 * not connected, contributions not paid), and CIBTP's other answers for the error mapping.
 */
@QuarkusTest
@TestProfile(ReplayProfile.class)
class CibtpReplayTest {

    static final String TOKEN = "/cibtp/apientreprise/token";
    static final String ATTESTATION = "/cibtp/apientreprise/attestationmarche";
    static final String RECORDED_TOKEN = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjI2MDB9.CgYnySeq5b12uwu8Wd_HSVizyzv_SEqjxxG5T4kw3Nc";

    @Inject
    RedisDataSource redis;

    WireMockServer upstream;

    @BeforeEach
    void reset() {
        upstream = WireMockUpstreams.server();
        upstream.resetAll();
        redis.key().del("guichet:social:cibtp:token");
    }

    static String path(String siret) {
        return "/v3/cibtp/etablissements/" + siret + "/attestation_cotisations_conges_payes_chomage_intemperies";
    }

    private List<Cassette.Exchange> replay(String cassette) {
        return Cassettes.replay(upstream, "upstream/cibtp/" + cassette, WireMockUpstreams.placeholders());
    }

    @Test
    void theRecordedCertificateIsStoredForTheGatewayTenMinutes() {
        List<Cassette.Exchange> exchanges = replay("valid.yml");
        Response response = Calls.get(path("81125785600021"));
        response.then().statusCode(200)
                .body("data.document_url", matchesPattern("http://localhost:8080/proxy/files/[0-9a-f-]{36}"))
                .body("data.expires_in", equalTo(600));
        OpenApiContract.assertValid(path("81125785600021"), 200, response.asString());
        String url = response.path("data.document_url");
        assertArrayEquals(exchanges.get(1).responseBody(),
                redis.value(byte[].class).get("guichet:file:" + url.substring(url.lastIndexOf('/') + 1)));
        upstream.verify(postRequestedFor(urlEqualTo(TOKEN)).withHeader("Content-Type", WireMock.equalTo("application/json"))
                .withRequestBody(equalToJson("{\"client_id\":\"" + WireMockUpstreams.CIBTP_CLIENT_ID
                        + "\",\"client_secret\":\"" + WireMockUpstreams.CIBTP_CLIENT_SECRET + "\"}")));
        upstream.verify(getRequestedFor(urlEqualTo(ATTESTATION + "?siret=81125785600021"))
                .withHeader("Authorization", WireMock.equalTo(RECORDED_TOKEN)));
    }

    @Test
    void theTokenIsSharedBetweenCalls() {
        replay("valid.yml");
        Calls.get(path("81125785600021")).then().statusCode(200);
        Calls.get(path("81125785600021")).then().statusCode(200);
        upstream.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
        upstream.verify(2, getRequestedFor(urlPathEqualTo(ATTESTATION)));
    }

    @Test
    void anEstablishmentNotConnectedIs404With38003() {
        replay("not_found.yml");
        Response response = Calls.get(path("77566487304147"));
        response.then().statusCode(404).body("errors[0].code", equalTo("38003"))
                .body("errors[0].meta.provider", equalTo("CIBTP"));
        OpenApiContract.assertValid(path("77566487304147"), 404, response.asString());
    }

    @Test
    void unpaidContributionsAre404With38422() {
        replay("missing_payments.yml");
        Response response = Calls.get(path("81112965900025"));
        response.then().statusCode(404).body("errors[0].code", equalTo("38422"))
                .body("errors[0].title", equalTo("Attestation non disponible"));
        OpenApiContract.assertValid(path("81112965900025"), 404, response.asString());
    }

    @Test
    void cibtpsFailureIs502With38000AndAnythingElse38999() {
        replay("valid.yml");
        upstream.stubFor(get(urlPathEqualTo(ATTESTATION)).willReturn(aResponse().withStatus(500)));
        Calls.get(path("81125785600021")).then().statusCode(502).body("errors[0].code", equalTo("38000"));
        upstream.stubFor(get(urlPathEqualTo(ATTESTATION)).willReturn(aResponse().withStatus(409)));
        Calls.get(path("81125785600021")).then().statusCode(502).body("errors[0].code", equalTo("38000"));
        upstream.stubFor(get(urlPathEqualTo(ATTESTATION)).willReturn(aResponse().withStatus(418)));
        Calls.get(path("81125785600021")).then().statusCode(502).body("errors[0].code", equalTo("38999"));
    }

    @Test
    void aRefusedTokenIsAskedAgainOnceThenIs502With38006() {
        replay("valid.yml");
        upstream.stubFor(get(urlPathEqualTo(ATTESTATION)).willReturn(aResponse().withStatus(401)));
        Calls.get(path("81125785600021")).then().statusCode(502).body("errors[0].code", equalTo("38006"));
        upstream.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        upstream.resetAll();
        upstream.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(400)));
        redis.key().del("guichet:social:cibtp:token");
        Calls.get(path("81125785600021")).then().statusCode(502).body("errors[0].code", equalTo("38006"));
    }
}
