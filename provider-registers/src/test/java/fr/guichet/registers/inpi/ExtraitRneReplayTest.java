package fr.guichet.registers.inpi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.registers.support.Calls;
import fr.guichet.registers.support.Cassettes;
import fr.guichet.registers.support.InpiLogin;
import fr.guichet.registers.support.ProductionProfile;
import fr.guichet.registers.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of INPI's extrait RNE: the recorded login, then the company record (API
 * Entreprise's four raw records; the request's shape as the bénéficiaires effectifs'), mapped and
 * valid against the official OpenAPI; INPI's failures as for every company call.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ExtraitRneReplayTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SIREN = "552049447";
    static final String PATH = "/v3/inpi/rne/unites_legales/" + SIREN + "/extrait_rne";
    static final String COMPANY = "/inpi/api/companies/" + SIREN;

    private String token;

    @BeforeEach
    void recordedLogin() {
        token = InpiLogin.token(InpiLogin.stub());
    }

    private Response answer(String payload) {
        WireMockUpstreams.server().stubFor(get(urlEqualTo(COMPANY))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Cassettes.payload("inpi/payloads/rne/extrait_rne/" + payload))));
        Response response = given().queryParams(Calls.MANDATORY_PARAMS).get(PATH);
        assertEquals(200, response.statusCode(), payload + " → " + response.asString());
        return response;
    }

    private JsonNode mapped(String payload) throws Exception {
        Response response = answer(payload);
        OpenApiContract.assertValid(PATH, 200, response.asString());
        return JSON.readTree(response.asString()).get("data");
    }

    /**
     * A sole trader of the RNM: INPI's {@code INDEPENDANTE} has no official {@code nature_entreprise}
     * and an RNM observation has no number; both are given as API Entreprise gives them (the value,
     * null), the body's only departures from the official contract.
     */
    @Test
    void anRnmRecordDepartsFromTheContractOnlyWhereTheReferenceDoes() throws Exception {
        Response response = answer("valid_rnm_with_observations.json");
        String problems = OpenApiContract.problems(PATH, 200, response.asString());
        assertEquals(List.of("/data/identite_entreprise/nature_entreprise", "/data/observations/0/numero", "/data/observations/1/numero"),
                java.util.regex.Pattern.compile("Path '([^']*)'").matcher(problems).results().map(m -> m.group(1)).distinct().toList(),
                problems);
        JsonNode observations = JSON.readTree(response.asString()).at("/data/observations");
        assertEquals(2, observations.size());
        observations.forEach(o -> assertEquals("rnm", o.get("fournisseur").asText()));
    }

    @Test
    void everyRecordedCompanyIsMappedAndConforms() throws Exception {
        for (String payload : List.of("valid.json", "valid_ei.json", "valid_rcs_with_observations.json")) {
            JsonNode data = mapped(payload);
            assertTrue(data.at("/identite_entreprise/siren").isTextual(), payload);
            assertTrue(data.get("document_url").asText().startsWith("https://data.inpi.fr/export/companies?format=pdf&ids="), payload);
        }
        WireMockUpstreams.server().verify(getRequestedFor(urlEqualTo(COMPANY))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void rcsObservationsAndOfficersAreListed() throws Exception {
        JsonNode data = mapped("valid_rcs_with_observations.json");
        JsonNode rcs = data.get("observations");
        assertTrue(rcs.size() > 0);
        rcs.forEach(o -> assertEquals("rcs", o.get("fournisseur").asText()));
        assertEquals("05-1975", data.at("/dirigeants_et_associes/0/date_naissance").asText());
        assertEquals("12-31", data.at("/identite_entreprise/date_cloture_exercice").asText());
        for (int i = 1; i < rcs.size(); i++) {
            assertTrue(rcs.get(i - 1).get("date").asText().compareTo(rcs.get(i).get("date").asText()) >= 0, rcs.toString());
        }
    }

    @Test
    void inpisNotFoundIs404_34003() {
        WireMockUpstreams.server().stubFor(get(urlEqualTo(COMPANY))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("{}")));
        Response response = given().queryParams(Calls.MANDATORY_PARAMS).get(PATH);
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid(PATH, 404, response.asString());
        response.then().body("errors[0].code", org.hamcrest.Matchers.equalTo("34003"));
    }
}
