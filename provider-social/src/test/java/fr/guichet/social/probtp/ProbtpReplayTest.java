package fr.guichet.social.probtp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against PRO BTP played by WireMock: the recorded exchanges of both services
 * (eligible, not eligible, unknown SIRET) replayed as recorded, and PRO BTP's other answers
 * ({@code entete.code} 4, HTTP 500, unreadable body, outage, timeout) for the error mapping.
 */
@QuarkusTest
@TestProfile(ReplayProfile.class)
class ProbtpReplayTest {

    static final String STATUT = "/probtp/ws_ext/rest/certauth/mpsservices/getStatutCotisation";
    static final String ATTESTATION = "/probtp/ws_ext/rest/certauth/mpsservices/getAttestationCotisation";

    @Inject
    RedisDataSource redis;

    WireMockServer upstream;

    @BeforeEach
    void reset() {
        upstream = WireMockUpstreams.server();
        upstream.resetAll();
    }

    static String conformite(String siret) {
        return "/v3/probtp/etablissements/" + siret + "/conformite_cotisations_retraite";
    }

    static String attestation(String siret) {
        return "/v3/probtp/etablissements/" + siret + "/attestation_cotisations_retraite";
    }

    private void replay(String cassette) {
        Cassettes.replay(upstream, "upstream/probtp/" + cassette, WireMockUpstreams.placeholders());
    }

    @Test
    void anEligibleAccountIsConformAsRecorded() {
        replay("eligibilite/with_eligible_siret.yml");
        Response response = Calls.get(conformite("34909797200021"));
        response.then().statusCode(200).body("data.eligible", equalTo(true));
        OpenApiContract.assertValid(conformite("34909797200021"), 200, response.asString());
        upstream.verify(postRequestedFor(urlEqualTo(STATUT))
                .withHeader("Content-Type", WireMock.equalTo("application/json"))
                .withRequestBody(equalToJson("{\"corps\":\"34909797200021\"}")));
    }

    @Test
    void aNotEligibleAccountIsNotConform() {
        replay("eligibilite/with_non_eligible_siret.yml");
        Response response = Calls.get(conformite("55204599900828"));
        response.then().statusCode(200).body("data.eligible", equalTo(false));
        OpenApiContract.assertValid(conformite("55204599900828"), 200, response.asString());
    }

    @Test
    void anUnknownSiretIs404With09003() {
        replay("eligibilite/with_not_found_siret.yml");
        Response response = Calls.get(conformite("41816609600069"));
        response.then().statusCode(404).body("errors[0].code", equalTo("09003"))
                .body("errors[0].meta.provider", equalTo("ProBTP"));
        OpenApiContract.assertValid(conformite("41816609600069"), 404, response.asString());
    }

    @Test
    void theRecordedAttestationIsStoredForTheGateway() throws Exception {
        List<Cassette.Exchange> exchanges = Cassette.load("upstream/probtp/attestation/with_eligible_siret.yml",
                WireMockUpstreams.placeholders());
        replay("attestation/with_eligible_siret.yml");
        Response response = Calls.get(attestation("34909797200021"));
        response.then().statusCode(200)
                .body("data.document_url", matchesPattern("http://localhost:8080/proxy/files/[0-9a-f-]{36}"))
                .body("data.expires_in", equalTo(86400));
        OpenApiContract.assertValid(attestation("34909797200021"), 200, response.asString());
        String url = response.path("data.document_url");
        byte[] recorded = Base64.getMimeDecoder().decode(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(exchanges.get(0).responseBody()).path("data").asText());
        assertArrayEquals(recorded, redis.value(byte[].class).get("guichet:file:" + url.substring(url.lastIndexOf('/') + 1)));
        upstream.verify(postRequestedFor(urlEqualTo(ATTESTATION)).withRequestBody(equalToJson("{\"corps\":\"34909797200021\"}")));
    }

    @Test
    void aNotEligibleOrUnknownAccountHasNoAttestation() {
        replay("attestation/with_non_eligible_siret.yml");
        Calls.get(attestation("73582032600040")).then().statusCode(404).body("errors[0].code", equalTo("09003"));
        replay("attestation/with_not_found_siret.yml");
        Response response = Calls.get(attestation("41816609600069"));
        response.then().statusCode(404).body("errors[0].code", equalTo("09003"));
        OpenApiContract.assertValid(attestation("41816609600069"), 404, response.asString());
    }

    @Test
    void probtpsOwnFailureIs502With09000AndItsMessage() {
        upstream.stubFor(post(urlPathEqualTo(STATUT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"entete\":{\"code\":\"4\",\"message\":\"Service indisponible\"}}")));
        Response response = Calls.get(conformite("34909797200021"));
        response.then().statusCode(502).body("errors[0].code", equalTo("09000"))
                .body("errors[0].detail", equalTo("Erreur fournisseur: Service indisponible"));
        OpenApiContract.assertValid(conformite("34909797200021"), 502, response.asString());
        upstream.stubFor(post(urlPathEqualTo(STATUT)).willReturn(aResponse().withStatus(500)));
        Calls.get(conformite("34909797200021")).then().statusCode(502).body("errors[0].code", equalTo("09000"));
    }

    @Test
    void anUnreadableAnswerIs502With09999() {
        upstream.stubFor(post(urlPathEqualTo(STATUT)).willReturn(aResponse().withStatus(200).withBody("<html>")));
        Calls.get(conformite("34909797200021")).then().statusCode(502).body("errors[0].code", equalTo("09999"));
        upstream.stubFor(post(urlPathEqualTo(STATUT)).willReturn(aResponse().withStatus(200)
                .withBody("{\"entete\":{\"code\":\"0\"},\"corps\":\"99 ?\"}")));
        Calls.get(conformite("34909797200021")).then().statusCode(502).body("errors[0].code", equalTo("09999"));
        upstream.stubFor(post(urlPathEqualTo(ATTESTATION)).willReturn(aResponse().withStatus(200)
                .withBody("{\"entete\":{\"code\":\"0\"},\"data\":\"" + Base64.getEncoder().encodeToString("pas un PDF".getBytes()) + "\"}")));
        Calls.get(attestation("34909797200021")).then().statusCode(502).body("errors[0].code", equalTo("09999"));
    }

    @Test
    void anOutageIs503With09001AndATimeout504With09002() {
        upstream.stubFor(post(urlPathEqualTo(STATUT)).willReturn(aResponse().withStatus(503)));
        Response response = Calls.get(conformite("34909797200021"));
        response.then().statusCode(503).body("errors[0].code", equalTo("09001"));
        upstream.stubFor(post(urlPathEqualTo(STATUT)).willReturn(aResponse().withStatus(200).withFixedDelay(9000)));
        response = Calls.get(conformite("34909797200021"));
        response.then().statusCode(504).body("errors[0].code", equalTo("09002"))
                .body("errors[0].meta.provider", equalTo("ProBTP"));
        OpenApiContract.assertValidError(conformite("34909797200021"), response.asString());
    }
}
