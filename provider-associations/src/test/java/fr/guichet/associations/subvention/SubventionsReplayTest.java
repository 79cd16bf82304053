package fr.guichet.associations.subvention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import fr.guichet.associations.support.ProductionProfile;
import fr.guichet.associations.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of Data Subvention against stubs built from the answers API Entreprise
 * publishes ({@code upstream/data_subvention}: login, grants, 404; no exchange is recorded): the
 * requests as API Entreprise's adapter sends them, the grants mapped to the official v3 body,
 * and the errors mapped as API Entreprise does.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class SubventionsReplayTest {

    static final Map<String, String> TRACING = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    static final String LOGIN = "/data-subvention/auth/login";
    static final String TOKEN = "data_subvention_token";

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    private static String path(String id) {
        return "/v3/data_subvention/associations/" + id + "/subventions";
    }

    private static String grants(String id) {
        return "/data-subvention/association/" + id + "/grants";
    }

    private static byte[] payload(String name) {
        try (InputStream in = SubventionsReplayTest.class.getClassLoader()
                .getResourceAsStream("upstream/data_subvention/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stubLogin() {
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo(LOGIN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"email\":\"" + WireMockUpstreams.DATA_SUBVENTION_EMAIL
                        + "\",\"password\":\"" + WireMockUpstreams.DATA_SUBVENTION_PASSWORD + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(payload("authenticate.json"))));
    }

    private static void stubGrants(String id, ResponseDefinitionBuilder answer) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(grants(id)))
                .withHeader("x-access-token", equalTo(TOKEN)).willReturn(answer));
    }

    private static Response call(String id) {
        return given().queryParams(TRACING).get(path(id));
    }

    @Test
    void grantsAreAskedWithTheLoginsTokenAndMappedToTheOfficialBody() {
        stubLogin();
        stubGrants("W751234567", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(payload("valid.json")));

        Response response = call("W751234567");

        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("W751234567"), 200, response.asString());
        assertEquals(5, response.<List<?>>path("data").size());
        assertEquals("OSIRIS", response.path("data[0].data.demande_subvention.fournisseur"));
        assertEquals("2019-01-01T00:00:00.000Z", response.path("data[0].data.demande_subvention.date_mise_a_jour_information"));
        assertEquals(2019, response.<Integer>path("data[0].data.demande_subvention.annee_exercice_demande"));
        assertEquals("19/0003456", response.path("data[0].data.demande_subvention.identifiant_engagement_juridique"));
        assertEquals("ANS - Projets Sportifs Territoriaux", response.path("data[0].data.demande_subvention.subvention_demandee.dispositif"));
        assertEquals(2000, response.<Integer>path("data[0].data.demande_subvention.subvention_demandee.montant_demande"));
        assertEquals(8500, response.<Integer>path("data[0].data.demande_subvention.description_des_projets.estimation_cout_total"));
        assertEquals("Accordé", response.path("data[0].data.demande_subvention.instruction.statut_demande"));
        assertEquals("2019-06-15T00:00:00.000Z", response.path("data[0].data.demande_subvention.instruction.date_commission"));
        assertEquals(Map.of(), response.path("meta"));
        WireMockUpstreams.server().verify(1, postRequestedFor(urlPathEqualTo(LOGIN))
                .withHeader("accept", equalTo("application/json")));
        WireMockUpstreams.server().verify(1, getRequestedFor(urlPathEqualTo(grants("W751234567")))
                .withHeader("x-access-token", equalTo(TOKEN)));
    }

    @Test
    void theNotFoundAnswersAre52003() {
        stubLogin();
        stubGrants("W751000404", aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody(payload("404.json")));
        stubGrants("W751000400", aResponse().withStatus(400).withBody("{}"));
        stubGrants("W751000000", aResponse().withStatus(200).withBody("{\"subventions\":[]}"));
        for (String id : List.of("W751000404", "W751000400", "W751000000")) {
            Response response = call(id);
            assertEquals(404, response.statusCode(), response.asString());
            assertEquals("52003", response.path("errors[0].code"));
            assertEquals("Data Subvention", response.path("errors[0].meta.provider"));
            OpenApiContract.assertValid(path(id), 404, response.asString());
        }
    }

    @Test
    void aLoginWithoutTokenIs52999AndNoGrantIsAsked() {
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo(LOGIN)).willReturn(aResponse().withStatus(401).withBody("{}")));
        Response refused = call("W751234567");
        assertEquals(502, refused.statusCode(), refused.asString());
        assertEquals("52999", refused.path("errors[0].code"));

        WireMockUpstreams.server().stubFor(post(urlPathEqualTo(LOGIN)).willReturn(aResponse().withStatus(200).withBody("{\"user\":{}}")));
        assertEquals("52999", call("W751234567").path("errors[0].code"));
        WireMockUpstreams.server().verify(0, getRequestedFor(urlPathMatching("/data-subvention/association/.*")));
    }

    @Test
    void upstreamErrorsAreMappedAsApiEntrepriseDoes() {
        stubLogin();
        stubGrants("W751000500", aResponse().withStatus(500).withBody("{\"subventions\":[]}"));
        assertError(call("W751000500"), 502, "52999");
        stubGrants("W751000201", aResponse().withStatus(200).withBody("<html/>"));
        assertError(call("W751000201"), 502, "52999");
        stubGrants("W751000503", aResponse().withStatus(503));
        assertError(call("W751000503"), 502, "52001");
        stubGrants("W751000504", aResponse().withStatus(504));
        assertError(call("W751000504"), 504, "52002");
        stubGrants("W751000999", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertError(call("W751000999"), 502, "52001");
    }

    @Test
    void anIdentifierThatIsNoSirenSiretOrRnaIs422WithoutAskingDataSubvention() {
        Response response = call("12345");
        assertError(response, 422, "00330");
        assertNull(response.path("errors[0].meta.provider"));
        WireMockUpstreams.server().verify(0, postRequestedFor(urlPathMatching("/data-subvention/.*")));
    }

    private static void assertError(Response response, int status, String code) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(code, response.path("errors[0].code"), response.asString());
    }
}
