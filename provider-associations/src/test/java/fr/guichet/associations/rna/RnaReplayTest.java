package fr.guichet.associations.rna;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.testing.upstream.Cassettes;
import fr.guichet.associations.support.ProductionProfile;
import fr.guichet.associations.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of the RNA association data against API Entreprise's recorded exchanges with
 * the ministère de l'Intérieur (upstream/mi): the request as recorded, the XML mapped to the
 * official v3 body, and the ministry's errors mapped as API Entreprise does.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class RnaReplayTest {

    static final Map<String, String> TRACING = Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    static final String UPSTREAM = "/mi/apim/api-asso-partenaires/api/structure/";

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    private static String path(String id) {
        return "/v3/ministere_interieur/rna/associations/" + id;
    }

    @Test
    void anRnaNumberIsAskedAsRecordedAndMappedToTheOfficialBody() {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/mi/with_valid_rna.yml", WireMockUpstreams.placeholders());

        Response response = given().queryParams(TRACING).get(path("W751107336"));

        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("W751107336"), 200, response.asString());
        assertEquals("W751107336", response.path("data.rna_id"));
        assertEquals("LA PREVENTION ROUTIERE", response.path("data.titre"));
        assertNull(response.path("data.siret"));
        assertEquals("77571979202650", response.path("data.siret_siege_social"));
        assertEquals("1955-01-01", response.path("data.date_creation"));
        assertNull(response.path("data.date_publication"), "0001-01-01 is no date");
        assertNull(response.path("data.date_dissolution"));
        assertEquals("2022-04-26", response.path("data.date_declaration"));
        assertEquals("2022-04-26", response.path("data.mise_a_jour"));
        assertEquals(Boolean.TRUE, response.path("data.etat"));
        assertEquals("Simple", response.path("data.groupement"));
        assertEquals("33", response.path("data.adresse_siege.numero_voie"));
        assertEquals("de Mogador", response.path("data.adresse_siege.libelle_voie"));
        assertEquals("75009", response.path("data.adresse_siege.code_postal"));
        WireMockUpstreams.server().verify(1, getRequestedFor(urlPathEqualTo(UPSTREAM + "W751107336"))
                .withQueryParam("proxy_only", equalTo("true"))
                .withHeader("X-Gravitee-Api-Key", equalTo(WireMockUpstreams.MI_API_KEY)));
    }

    @Test
    void aSiretIsEchoedAsTheAssociationsSiret() {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/mi/with_valid_siret.yml", WireMockUpstreams.placeholders());

        Response response = given().queryParams(TRACING).get(path("42135938100033"));

        assertEquals(200, response.statusCode(), response.asString());
        // The record has no date_creat: API Entreprise's mapping answers null, which its OpenAPI
        // does not allow for date_creation. Guichet answers the same null rather than invent a
        // date: that, and nothing else, departs from the contract.
        List<String> problems = OpenApiContract.problemList(path("42135938100033"), 200, response.asString());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("[Path '/data/date_creation'] Instance type (null)"), problems.toString());
        assertEquals("42135938100033", response.path("data.siret"));
        assertEquals("W751135389", response.path("data.rna_id"));
        assertNull(response.path("data.date_creation"), "no date_creat in the record");
        assertEquals("1993-03-03", response.path("data.date_publication"));
    }

    @Test
    void theMinistrysProxy404Is21003() {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/mi/with_rna_not_found.yml", WireMockUpstreams.placeholders());

        Response response = given().queryParams(TRACING).get(path("W432543654"));

        assertEquals(404, response.statusCode(), response.asString());
        assertEquals("21003", response.path("errors[0].code"));
        assertEquals("Ministère de l'Intérieur", response.path("errors[0].meta.provider"));
        OpenApiContract.assertValid(path("W432543654"), 404, response.asString());
    }

    @Test
    void aRecordThatIsNoAssociationIs21003() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W123456789")).willReturn(aResponse().withStatus(200)
                .withBody("<asso><identite><id_correspondance>1</id_correspondance><id_forme_juridique>5710</id_forme_juridique>"
                        + "<regime>loi1901</regime></identite></asso>")));
        given().queryParams(TRACING).get(path("W123456789")).then().statusCode(404);
    }

    @Test
    void anIdentifierThatIsNeitherSiretNorRnaIs422WithoutAskingTheMinistry() {
        Response response = given().queryParams(TRACING).get(path("X12345"));
        assertEquals(422, response.statusCode(), response.asString());
        assertEquals("00303", response.path("errors[0].code"));
        WireMockUpstreams.server().verify(0, getRequestedFor(urlPathMatching(UPSTREAM + ".*")));
    }

    @Test
    void unreadableOrIncompleteAnswersAre502() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W000000001"))
                .willReturn(aResponse().withStatus(200).withBody("<asso><identite>")));
        Response garbage = given().queryParams(TRACING).get(path("W000000001"));
        assertEquals(502, garbage.statusCode());
        assertEquals("21999", garbage.path("errors[0].code"));

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W000000002"))
                .willReturn(aResponse().withStatus(503)));
        Response unavailable = given().queryParams(TRACING).get(path("W000000002"));
        assertEquals(502, unavailable.statusCode());
        assertEquals("21001", unavailable.path("errors[0].code"));

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W000000003"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(12_000).withBody("<asso/>")));
        Response slow = given().queryParams(TRACING).get(path("W000000003"));
        assertEquals(504, slow.statusCode());
        assertEquals("21002", slow.path("errors[0].code"));
    }
}
