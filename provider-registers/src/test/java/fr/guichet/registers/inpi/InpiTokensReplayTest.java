package fr.guichet.registers.inpi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import fr.guichet.registers.inpi.client.InpiTokens;
import fr.guichet.registers.support.Calls;
import fr.guichet.registers.support.Cassettes;
import fr.guichet.registers.support.ProductionProfile;
import fr.guichet.registers.support.WireMockUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * INPI's token is asked once while it is valid (the recorded one is long expired, so the replay
 * test logs in at every call), and asked again when INPI refuses it.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class InpiTokensReplayTest {

    static final String PATH = "/v3/inpi/rne/unites_legales/552049447/beneficiaires_effectifs";
    static final String COMPANY = "/inpi/api/companies/552049447";

    @Inject
    InpiTokens tokens;

    private final String first = jwt("first");
    private final String second = jwt("second");

    @AfterEach
    void forget() {
        tokens.reject(first);
        tokens.reject(second);
    }

    @Test
    void aValidTokenServesSeveralCallsAndARefusedOneIsReplacedOnce() {
        WireMockUpstreams.server().resetAll();
        WireMockUpstreams.server().stubFor(post(urlEqualTo("/inpi/api/sso/login")).inScenario("login")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("second")
                .willReturn(aResponse().withStatus(200).withBody("{\"token\":\"" + first + "\"}")));
        WireMockUpstreams.server().stubFor(post(urlEqualTo("/inpi/api/sso/login")).inScenario("login")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withBody("{\"token\":\"" + second + "\"}")));
        String record = Cassettes.payload("inpi/payloads/rne/beneficiaires_effectifs/valid.json");
        WireMockUpstreams.server().stubFor(get(urlEqualTo(COMPANY)).withHeader("Authorization", equalTo("Bearer " + first))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(record)));

        given().queryParams(Calls.MANDATORY_PARAMS).get(PATH).then().statusCode(200);
        given().queryParams(Calls.MANDATORY_PARAMS).get(PATH).then().statusCode(200);
        WireMockUpstreams.server().verify(1, postRequestedFor(urlEqualTo("/inpi/api/sso/login")));

        // INPI revokes the first token: one new login, the call goes through with the second.
        WireMockUpstreams.server().stubFor(get(urlEqualTo(COMPANY)).withHeader("Authorization", equalTo("Bearer " + first))
                .willReturn(aResponse().withStatus(401)));
        WireMockUpstreams.server().stubFor(get(urlEqualTo(COMPANY)).withHeader("Authorization", equalTo("Bearer " + second))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(record)));
        given().queryParams(Calls.MANDATORY_PARAMS).get(PATH).then().statusCode(200);
        WireMockUpstreams.server().verify(2, postRequestedFor(urlEqualTo("/inpi/api/sso/login")));
        WireMockUpstreams.server().verify(1, getRequestedFor(urlEqualTo(COMPANY)).withHeader("Authorization", equalTo("Bearer " + second)));
    }

    /** An unsigned JWT valid for an hour (the adapter reads {@code exp} without verifying: INPI signs for itself). */
    private static String jwt(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".signature";
    }
}
