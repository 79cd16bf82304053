package fr.guichet.social.cnetp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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

/** Production mode against CNETP played by WireMock: the recorded exchanges, then its other answers. */
@QuarkusTest
@TestProfile(ReplayProfile.class)
class CnetpReplayTest {

    static final String SERVICE = "/cnetp/webservice/doc/attestations/entreprises";

    @Inject
    RedisDataSource redis;

    WireMockServer upstream;

    @BeforeEach
    void reset() {
        upstream = WireMockUpstreams.server();
        upstream.resetAll();
    }

    static String path(String siren) {
        return "/v3/cnetp/unites_legales/" + siren + "/attestation_cotisations_conges_payes_chomage_intemperies";
    }

    @Test
    void theRecordedCertificateIsStoredForTheGateway() {
        List<Cassette.Exchange> exchanges = Cassettes.replay(upstream,
                "upstream/cnetp/valid_siren.yml", WireMockUpstreams.placeholders());
        Response response = Calls.get(path("433604196"));
        response.then().statusCode(200)
                .body("data.document_url", matchesPattern("http://localhost:8080/proxy/files/[0-9a-f-]{36}"))
                .body("data.expires_in", equalTo(86400));
        OpenApiContract.assertValid(path("433604196"), 200, response.asString());
        String url = response.path("data.document_url");
        assertArrayEquals(exchanges.get(0).responseBody(),
                redis.value(byte[].class).get("guichet:file:" + url.substring(url.lastIndexOf('/') + 1)));
        upstream.verify(getRequestedFor(urlPathEqualTo(SERVICE))
                .withQueryParam("id", WireMock.equalTo(WireMockUpstreams.CNETP_CLIENT_NUMBER))
                .withQueryParam("jeton", WireMock.equalTo(WireMockUpstreams.CNETP_TOKEN))
                .withQueryParam("siren", WireMock.equalTo("433604196"))
                .withHeader("Content-Type", WireMock.equalTo("application/octet-stream")));
    }

    @Test
    void anUnknownSirenIs404With08003() {
        Cassettes.replay(upstream, "upstream/cnetp/not_found_siren.yml", WireMockUpstreams.placeholders());
        Response response = Calls.get(path("000000000"));
        response.then().statusCode(404).body("errors[0].code", equalTo("08003"))
                .body("errors[0].meta.provider", equalTo("CNETP"));
        OpenApiContract.assertValid(path("000000000"), 404, response.asString());
    }

    @Test
    void aRefusedAccessMeansMaintenance503With08020AndAnythingElse08999() {
        upstream.stubFor(get(urlPathEqualTo(SERVICE)).willReturn(aResponse().withStatus(401)));
        Response response = Calls.get(path("433604196"));
        response.then().statusCode(503).body("errors[0].code", equalTo("08020"));
        OpenApiContract.assertValidError(path("433604196"), response.asString());
        upstream.stubFor(get(urlPathEqualTo(SERVICE)).willReturn(aResponse().withStatus(400)));
        Calls.get(path("433604196")).then().statusCode(502).body("errors[0].code", equalTo("08999"));
        upstream.stubFor(get(urlPathEqualTo(SERVICE)).willReturn(aResponse().withStatus(200).withBody("<html>")));
        Calls.get(path("433604196")).then().statusCode(502).body("errors[0].code", equalTo("08999"));
    }
}
