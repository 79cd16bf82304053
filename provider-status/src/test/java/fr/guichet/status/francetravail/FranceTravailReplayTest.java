package fr.guichet.status.francetravail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fr.guichet.status.support.ProductionProfile;
import fr.guichet.status.support.WireMockUpstreams;
import fr.guichet.testing.contract.ParticulierContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against France Travail played by WireMock: the recorded OAuth2 exchange (the
 * token form must be the recorded one, byte for byte) and the recorded answers of the statut and
 * indemnités services, then France Travail's other answers for the error mapping.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class FranceTravailReplayTest {

    static final String RECIPIENT = "13002526500013";
    static final String STATUT = "/v3/france_travail/statut/identifiant";
    static final String INDEMNITES = "/v3/france_travail/indemnites/identifiant";
    static final String RECORDED_TOKEN = "anonymized_france_travail_token_ABC123DEF456GHI789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
        redis.key().del("guichet:status:france_travail:token");
        stubRecordedToken();
    }

    /** The token endpoint answers only the recorded form (client credentials, grant, scope). */
    static void stubRecordedToken() {
        JsonNode interaction = cassette("upstream/france_travail/cassettes/oauth2.yml").path("http_interactions").get(0);
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/france_travail/token"))
                .withHeader("Content-Type", WireMock.containing("application/x-www-form-urlencoded"))
                .withRequestBody(WireMock.equalTo(placeholders(interaction.path("request").path("body").path("string").asText())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(placeholders(interaction.path("response").path("body").path("string").asText()))));
    }

    static void stubStatut(int status, String payload) {
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/france_travail/statut"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + RECORDED_TOKEN))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(payload == null ? "" : resource("upstream/france_travail/" + payload))));
    }

    static void stubIndemnites(int status, String payload) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/france_travail/indemnites"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + RECORDED_TOKEN))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(payload == null ? "" : resource("upstream/france_travail/" + payload))));
    }

    static Response call(String path, String identifiant) {
        return given().queryParam("recipient", RECIPIENT).queryParam("identifiant", identifiant).get(path);
    }

    @Test
    void theRecordedStatutIsAskedAsTheReferenceDoesAndMappedToTheOfficialBody() throws Exception {
        stubStatut(200, "statut/valid.json");
        Response response = call(STATUT, "default");
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        ParticulierContract.assertValid("api_particulier_v3_france_travail_statut_with_identifiant", 200, body);
        // The official sandbox case "default" is France Travail's recorded answer, as API Particulier shows it.
        assertEquals(sandboxPayload("api_particulier_v3_france_travail_statut_with_identifiant/200.yaml"), JSON.readTree(body));
        WireMockUpstreams.server().verify(1, postRequestedFor(urlPathEqualTo("/france_travail/token")));
        WireMockUpstreams.server().verify(postRequestedFor(urlPathEqualTo("/france_travail/statut"))
                .withRequestBody(WireMock.equalTo("default"))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withHeader("X-pe-consommateur", WireMock.equalTo("Guichet - " + RECIPIENT)));
    }

    @Test
    void theTokenIsSharedThenReplacedOnceWhenFranceTravailRefusesIt() {
        stubStatut(200, "statut/valid.json");
        call(STATUT, "default").then().statusCode(200);
        call(STATUT, "default").then().statusCode(200);
        WireMockUpstreams.server().verify(1, postRequestedFor(urlPathEqualTo("/france_travail/token")));

        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/france_travail/statut")).inScenario("expired")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(401))
                .willSetStateTo("refused"));
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/france_travail/statut")).inScenario("expired")
                .whenScenarioStateIs("refused").willReturn(aResponse().withStatus(200)
                        .withBody(resource("upstream/france_travail/statut/valid.json"))));
        call(STATUT, "default").then().statusCode(200).body("data.inscription.categorie.code", equalTo(1));
        WireMockUpstreams.server().verify(2, postRequestedFor(urlPathEqualTo("/france_travail/token")));
    }

    @Test
    void unknownOrPartialStatutIs404With24003() throws Exception {
        stubStatut(404, "statut/not_found.json");
        Response unknown = call(STATUT, "inconnu");
        assertEquals(404, unknown.statusCode(), unknown.asString());
        // The official OpenAPI's Error schema omits source and meta, which every official error carries:
        // the error body is compared with the official sandbox's instead.
        assertEquals(sandboxPayload("api_particulier_v3_france_travail_statut_with_identifiant/404.yaml"),
                JSON.readTree(unknown.asString()));
        unknown.then().body("errors[0].code", equalTo("24003"))
                .body("errors[0].detail", equalTo("Aucune situation France Travail n'a pu être trouvée avec les critères de recherche fournis."))
                .body("errors[0].meta.provider", equalTo("France Travail"));
        stubStatut(206, "partial_content.json");
        call(STATUT, "partiel").then().statusCode(404).body("errors[0].code", equalTo("24003"));
    }

    @Test
    void franceTravailsOwnTimeoutIs504With24002AndOtherAnswers502With24999() {
        stubStatut(500, "timeout.json");
        call(STATUT, "default").then().statusCode(504).body("errors[0].code", equalTo("24002"));
        stubIndemnites(500, "timeout.json");
        call(INDEMNITES, "default").then().statusCode(504).body("errors[0].code", equalTo("24002"));
        // A registration without its category is not an answer API Particulier can give.
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/france_travail/statut"))
                .willReturn(aResponse().withStatus(200).withBody("{\"nom\":\"DUPONT\"}")));
        call(STATUT, "default").then().statusCode(502).body("errors[0].code", equalTo("24999"));
        stubIndemnites(400, null);
        call(INDEMNITES, "default").then().statusCode(502).body("errors[0].code", equalTo("24999"));
        stubIndemnites(503, null);
        call(INDEMNITES, "default").then().statusCode(502).body("errors[0].code", equalTo("24001"));
    }

    @Test
    void theRecordedPaymentsAreAskedByLoginAndMapped() {
        stubIndemnites(200, "indemnites/valid.json");
        Response response = call(INDEMNITES, "default");
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        ParticulierContract.assertValid("api_particulier_v3_france_travail_indemnites_with_identifiant", 200, body);
        response.then().body("data.identifiant", equalTo("default"))
                .body("data.paiements.size()", equalTo(1))
                .body("data.paiements[0].date_versement", equalTo("2023-07-03"))
                .body("data.paiements[0].montant_total", equalTo(123.4f))
                .body("data.paiements[0].montant_allocations", equalTo(123.4f))
                .body("data.paiements[0].montant_aides", equalTo(0.0f))
                .body("data.paiements[0].montant_autres", equalTo(0.0f))
                .body("links.size()", equalTo(0)).body("meta.size()", equalTo(0));
        WireMockUpstreams.server().verify(getRequestedFor(urlPathEqualTo("/france_travail/indemnites"))
                .withQueryParam("loginMnemotechnique", WireMock.equalTo("default"))
                .withHeader("X-pe-consommateur", WireMock.equalTo("Guichet - " + RECIPIENT)));
    }

    @Test
    void noPaymentOrNotRegisteredIs404() {
        for (String payload : new String[] {"indemnites/not_enrolled.json", "indemnites/enrolled_without_payments.json"}) {
            stubIndemnites(200, payload);
            call(INDEMNITES, "default").then().statusCode(404).body("errors[0].code", equalTo("24003"));
        }
        stubIndemnites(204, null);
        call(INDEMNITES, "default").then().statusCode(404).body("errors[0].code", equalTo("24003"));
    }

    @Test
    void withoutIdentifiantTheCallIs422AndFranceTravailIsNotAsked() {
        given().queryParam("recipient", RECIPIENT).get(STATUT).then().statusCode(422)
                .body("errors[0].code", equalTo("00380"))
                .body("errors[0].source.parameter", equalTo("identifiant"));
        WireMockUpstreams.server().verify(0, postRequestedFor(urlPathEqualTo("/france_travail/statut")));
    }

    private static JsonNode sandboxPayload(String file) throws IOException {
        return JSON.readTree(new YAMLMapper().readTree(resource("sandbox/" + file)).path("payload").asText());
    }

    private static JsonNode cassette(String file) {
        try {
            return new YAMLMapper().readTree(resource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String placeholders(String text) {
        String result = text;
        for (Map.Entry<String, String> p : WireMockUpstreams.placeholders().entrySet()) {
            result = result.replace(p.getKey(), p.getValue());
        }
        return result;
    }

    private static String resource(String path) {
        try (InputStream in = FranceTravailReplayTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
