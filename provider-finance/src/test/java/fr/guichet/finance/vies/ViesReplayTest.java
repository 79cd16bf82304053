package fr.guichet.finance.vies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.finance.support.ProductionProfile;
import fr.guichet.finance.support.WireMockUpstreams;
import fr.guichet.finance.vies.mapping.TvaNumber;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of the VIES VAT number against VIES's answers published by API Entreprise
 * (upstream/vies, answers only): the VAT number computed from the SIREN and checked at
 * {@code <url>/<key and SIREN>}, each answer read as API Entreprise reads it.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ViesReplayTest {

    static final Map<String, String> TRACING = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    /** Danone, whose VAT number FR27552032534 the recorded answers name. */
    static final String SIREN = "552032534";
    static final String PATH = "/v3/european_commission/unites_legales/" + SIREN + "/numero_tva";
    static final String UPSTREAM_PATH = "/vies/ms/FR/vat/27552032534";

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    private static void answer(String payload) throws Exception {
        byte[] body;
        try (InputStream in = ViesReplayTest.class.getClassLoader().getResourceAsStream("upstream/vies/" + payload)) {
            body = in.readAllBytes();
        }
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void theKeyIsTheDgfipRule() {
        assertEquals("FR27552032534", TvaNumber.of("552032534"));
        assertEquals("FR07130025265", TvaNumber.of("130025265"));
    }

    @Test
    void aValidNumberIsServedInTheOfficialBody() throws Exception {
        answer("valid.json");

        Response response = given().queryParams(TRACING).get(PATH);

        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("FR27552032534", response.path("data.tva_number"));
        OpenApiContract.assertValid(PATH, 200, response.asString());
        WireMockUpstreams.server().verify(1, getRequestedFor(urlPathEqualTo(UPSTREAM_PATH)));
    }

    @Test
    void anInvalidNumberIs404With28003() throws Exception {
        answer("invalid.json");
        Response response = given().queryParams(TRACING).get(PATH);
        assertEquals(404, response.statusCode(), response.asString());
        assertEquals("28003", response.path("errors[0].code"));
        assertEquals("Commission Européenne", response.path("errors[0].meta.provider"));
        OpenApiContract.assertValid(PATH, 404, response.asString());
    }

    @Test
    void blockedOrTooManyRequestsAre502With28008() throws Exception {
        for (String payload : new String[] {"ip_blocked.json", "max_concurrent_error.json"}) {
            answer(payload);
            Response response = given().queryParams(TRACING).get(PATH);
            assertEquals(502, response.statusCode(), payload);
            assertEquals("28008", response.path("errors[0].code"), payload);
        }
    }

    @Test
    void anUnavailableMemberStateIs502With28001() throws Exception {
        answer("unavailable.json");
        Response response = given().queryParams(TRACING).get(PATH);
        assertEquals(502, response.statusCode(), response.asString());
        assertEquals("28001", response.path("errors[0].code"));
    }

    @Test
    void aProxyPageOrAnUnreadableAnswerIs502() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("<html>Please contact your network support team.</html>")));
        assertEquals("28001", given().queryParams(TRACING).get(PATH).path("errors[0].code"));

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"userError\":\"SERVICE_UNAVAILABLE\"}")));
        Response response = given().queryParams(TRACING).get(PATH);
        assertEquals(502, response.statusCode());
        assertEquals("28999", response.path("errors[0].code"));
    }

    @Test
    void aSlowViesIs504With28002() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM_PATH))
                .willReturn(aResponse().withStatus(200).withFixedDelay(9_000).withBody("{}")));
        Response response = given().queryParams(TRACING).get(PATH);
        assertEquals(504, response.statusCode());
        assertEquals("28002", response.path("errors[0].code"));
    }
}
