package fr.guichet.certifications.carif_oref;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.certifications.support.Cassettes;
import fr.guichet.certifications.support.ProductionProfile;
import fr.guichet.certifications.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against the CARIF-OREF's Quiforme played by WireMock: the recorded organisation
 * and the recorded unknown one, Quiforme's sample answer with accreditations, and other answers.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class QuiformeReplayTest {

    static final Map<String, String> QUERY = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    static final String KNOWN = "81841109200013";

    static String path(String siret) {
        return "/v3/carif_oref/etablissements/" + siret + "/certifications_qualiopi_france_competences";
    }

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    @Test
    void theRecordedOrganisationIsAskedWithItsTokenAndMapped() {
        Cassettes.replay("upstream/carif_oref/cassettes/certifications_qualiopi_france_competences/valid_siret.yml");
        Response response = given().queryParams(QUERY).get(path(KNOWN));
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        OpenApiContract.assertValid(path(KNOWN), 200, body);
        response.then()
                .body("data.siret", equalTo(KNOWN))
                .body("data.code_uai", nullValue())
                .body("data.unite_legale_avec_plusieurs_nda", equalTo(false))
                .body("data.declarations_activites_etablissement[0].numero_de_declaration", equalTo("23456765341"))
                .body("data.declarations_activites_etablissement[0].actif", equalTo(true))
                .body("data.declarations_activites_etablissement[0].date_debut_exercice", equalTo("2022-01-01"))
                .body("data.declarations_activites_etablissement[0].date_fin_exercice", equalTo("2022-12-31"))
                .body("data.declarations_activites_etablissement[0].certification_qualiopi.obtention_via_unite_legale", equalTo(false))
                .body("data.declarations_activites_etablissement[0].specialites.specialite_1.code", equalTo("313"))
                .body("data.declarations_activites_etablissement[0].specialites.specialite_3.code", nullValue())
                .body("data.habilitations_france_competence.size()", equalTo(0));
        WireMockUpstreams.server().verify(getRequestedFor(urlPathEqualTo("/carif_oref/organisme/" + KNOWN))
                .withHeader("Token-Connexion", WireMock.equalTo(WireMockUpstreams.CARIF_OREF_TOKEN))
                .withHeader("Accept", WireMock.equalTo("application/json")));
    }

    @Test
    void accreditationsAreMappedWithFrenchDatesAndTheirCertifiers() throws Exception {
        byte[] sample;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("upstream/carif_oref/payloads/qualiopi/valid.json")) {
            sample = in.readAllBytes();
        }
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/carif_oref/organisme/" + KNOWN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(sample)));
        Response response = given().queryParams(QUERY).get(path(KNOWN));
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path(KNOWN), 200, response.asString());
        response.then()
                .body("data.habilitations_france_competence[0].code", equalTo("RNCP09001"))
                .body("data.habilitations_france_competence[0].date_fin_enregistrement", equalTo("2024-01-01"))
                .body("data.habilitations_france_competence[0].date_actif", nullValue())
                .body("data.habilitations_france_competence[0].habilitation_pour_former", equalTo(true))
                .body("data.habilitations_france_competence[0].sirets_organismes_certificateurs", contains("13002526500013"));
    }

    @Test
    void anUnknownOrganisationIs404With33003() {
        Cassettes.replay("upstream/carif_oref/cassettes/certifications_qualiopi_france_competences/no_data.yml");
        Response response = given().queryParams(QUERY).get(path("00000000000000"));
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("00000000000000"), 404, response.asString());
        response.then().body("errors[0].code", equalTo("33003")).body("errors[0].meta.provider", equalTo("CARIF-OREF"));
    }

    @Test
    void otherAnswersAre502With33999() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/carif_oref/organisme/" + KNOWN)).willReturn(aResponse().withStatus(401)));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("33999"));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/carif_oref/organisme/" + KNOWN)).willReturn(aResponse().withStatus(200).withBody("not json")));
        given().queryParams(QUERY).get(path(KNOWN)).then().statusCode(502).body("errors[0].code", equalTo("33999"));
    }
}
