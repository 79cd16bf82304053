package fr.guichet.registers.inpi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Production mode of INPI's bénéficiaires effectifs: the recorded login ({@code authenticate.yml}),
 * then the company record (API Entreprise's raw payloads; the request's shape is that of the
 * recorded RNE calls: bearer token, {@code Content-Type: application/json}), mapped and valid
 * against the official OpenAPI; records without beneficial owners and upstream failures mapped as
 * API Entreprise maps them.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class BeneficiairesEffectifsReplayTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SIREN = "552049447";
    static final String PATH = "/v3/inpi/rne/unites_legales/" + SIREN + "/beneficiaires_effectifs";
    static final String COMPANY = "/inpi/api/companies/" + SIREN;

    private Cassettes.Exchange login;
    private String token;

    @BeforeEach
    void recordedLogin() throws Exception {
        login = InpiLogin.stub();
        token = InpiLogin.token(login);
    }

    private void company(int status, String body) {
        WireMockUpstreams.server().stubFor(get(urlEqualTo(COMPANY))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static Response call() {
        return given().queryParams(Calls.MANDATORY_PARAMS).get(PATH);
    }

    @Test
    void theOwnersOfALegalPersonAreMappedAndConform() throws Exception {
        company(200, Cassettes.payload("inpi/payloads/rne/beneficiaires_effectifs/valid.json"));
        Response response = call();
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(PATH, 200, response.asString());
        JsonNode body = JSON.readTree(response.asString());
        assertEquals(2, body.at("/meta/count").asInt());
        JsonNode first = body.at("/data/0/data");
        assertEquals("21120ee0-d42b-44f6-a462-d3724cf6aeaf", first.get("beneficiaire_uuid").asText());
        assertEquals("DUPONT", first.get("nom").asText());
        assertEquals("DUBOIS", first.get("nom_usage").asText());
        assertEquals("1989", first.at("/date_naissance/annee").asText());
        assertEquals("01", first.at("/date_naissance/mois").asText());
        assertEquals(49.0, first.at("/modalites/detention_de_capital/parts_totale").asDouble());
        assertEquals(true, first.at("/modalites/detention_de_capital/parts_directes/detention").asBoolean());
        assertEquals("FRANCE", first.get("pays_residence").asText());
        WireMockUpstreams.server().verify(postRequestedFor(urlEqualTo("/inpi/api/sso/login"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(login.requestBody())));
        WireMockUpstreams.server().verify(getRequestedFor(urlEqualTo(COMPANY))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void ownersWithoutModalitesAreOnlyCounted() throws Exception {
        company(200, Cassettes.payload("inpi/payloads/rne/beneficiaires_effectifs/without_modalite.json"));
        Response response = call();
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(PATH, 200, response.asString());
        JsonNode body = JSON.readTree(response.asString());
        assertEquals(1, body.at("/meta/count").asInt());
        assertEquals(2, body.at("/meta/beneficiaires_sans_modalites_uuids").size());
    }

    /**
     * An owner INPI describes without name: {@code nom} stays null, as API Entreprise answers,
     * although the official contract has no null there; it is the body's only departure from it.
     */
    @Test
    void anOwnerWithoutDescriptionHasNoNameAndOtherwiseConforms() {
        company(200, Cassettes.payload("inpi/payloads/rne/beneficiaires_effectifs/without_description_personne.json"));
        Response response = call();
        assertEquals(200, response.statusCode(), response.asString());
        String problems = OpenApiContract.problems(PATH, 200, response.asString());
        assertEquals(List.of("/data/0/data/nom"), java.util.regex.Pattern.compile("Path '([^']*)'").matcher(problems)
                .results().map(m -> m.group(1)).distinct().toList(), problems);
        response.then().body("data[0].data.prenoms", org.hamcrest.Matchers.empty())
                .body("data[0].data.modalites.representant_legal", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void recordsWithoutBeneficialOwnersAre404_34003() throws Exception {
        for (String payload : List.of("entrepreneur-individuel.json", "without-beneficiaires-effectifs.json",
                "nor_personne_morale_nor_personne_physique.json")) {
            recordedLogin();
            company(200, Cassettes.payload("inpi/payloads/rne/beneficiaires_effectifs/" + payload));
            Response response = call();
            assertEquals(404, response.statusCode(), payload + " → " + response.asString());
            OpenApiContract.assertValid(PATH, 404, response.asString());
            response.then().body("errors[0].code", org.hamcrest.Matchers.equalTo("34003"))
                    .body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("INPI - RNE"));
        }
    }

    @Test
    void inpisNotFoundIs404AndItsFailuresKeepApiEntreprisesCodes() {
        Cassettes.Exchange notFound = Cassettes.load("inpi/cassettes/rne/actes_bilans/not_found_siren.yml",
                WireMockUpstreams.placeholders()).get(1);
        company(404, notFound.responseText());
        call().then().statusCode(404).body("errors[0].code", org.hamcrest.Matchers.equalTo("34003"));
        company(429, "{}");
        call().then().statusCode(429).body("errors[0].code", org.hamcrest.Matchers.equalTo("34008"));
        company(500, "{}");
        call().then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("34999"));
        company(200, "<html>maintenance</html>");
        call().then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("34001"));
    }

    @Test
    void aRefusedLoginIs502_34006() {
        WireMockUpstreams.server().resetAll();
        WireMockUpstreams.server().stubFor(post(urlEqualTo("/inpi/api/sso/login"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("{\"code\":401}")));
        call().then().statusCode(502)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("34006"))
                .body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("INPI - RNE"));
    }
}
