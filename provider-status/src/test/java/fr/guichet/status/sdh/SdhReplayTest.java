package fr.guichet.status.sdh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.status.support.ProductionProfile;
import fr.guichet.status.support.WireMockUpstreams;
import fr.guichet.testing.contract.ParticulierContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against the SDH played by WireMock: its OAuth2 client credentials, then the
 * recorded athlete file, whose rights periods are moved around today so that the current status
 * is the first file (the mapping is as of today, in Paris).
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class SdhReplayTest {

    static final String OPERATION = "api_particulier_v3_sdh_statut_sportif_with_identifiant";
    static final String PATH = "/v3/sdh/statut_sportif/identifiant";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
        redis.key().del("guichet:status:sdh:token");
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/sdh/token"))
                .withRequestBody(WireMock.equalTo("client_id=" + WireMockUpstreams.SDH_CLIENT_ID + "&client_secret="
                        + WireMockUpstreams.SDH_CLIENT_SECRET + "&grant_type=client_credentials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"sdh-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    }

    /** The recorded file, its first "fiche haut niveau" covering today and the second one last year. */
    static String recordedFileAroundToday() throws Exception {
        ObjectNode file;
        try (InputStream in = SdhReplayTest.class.getClassLoader().getResourceAsStream("upstream/sdh/found.json")) {
            file = (ObjectNode) JSON.readTree(in);
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        ((ObjectNode) file.path("fichesHN").get(0)).put("debutDroits", today.minusDays(30) + "T00:00:00")
                .put("finDroits", today.plusDays(300) + "T00:00:00");
        ((ObjectNode) file.path("fichesHN").get(1)).put("debutDroits", today.minusYears(1).minusDays(60) + "T00:00:00")
                .put("finDroits", today.minusDays(31) + "T00:00:00");
        return file.toString();
    }

    @Test
    void theRecordedFileIsMappedWithItsCurrentAndPreviousStatuses() throws Exception {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/sdh/sportifs/98765"))
                .withHeader("Authorization", WireMock.equalTo("Bearer sdh-access-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(recordedFileAroundToday())));
        Response response = given().queryParam("recipient", "13002526500013").queryParam("identifiant", "98765").get(PATH);
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        ParticulierContract.assertValid(OPERATION, 200, body);
        response.then()
                .body("data.identite.nom_naissance", equalTo("DUPONT"))
                .body("data.identite.prenoms", equalTo("Thomas"))
                .body("data.identite.date_naissance", equalTo("1990-06-15"))
                .body("data.identite.sexe", equalTo("M"))
                .body("data.est_sportif_de_haut_niveau", equalTo(true))
                .body("data.a_ete_sportif_de_haut_niveau", equalTo(true))
                .body("data.informations_statut", not(hasKey("fiche")))
                .body("data.informations_statut.federation.code_federation", equalTo("68"))
                .body("data.informations_statut.federation.nom_court_federation", equalTo("VOL LIBRE"))
                .body("data.informations_statut.etablissement.code_etablissement", equalTo("980"))
                .body("data.informations_statut.etablissement.nom_etablissement", equalTo("MRP OCCITANIE-MONTPELLIER"))
                .body("data.informations_statut.region.code_region", equalTo("76"))
                .body("data.informations_statut.categorie.code_categorie", equalTo("4"))
                .body("data.informations_statut.categorie.valeur", equalTo("128"))
                .body("data.informations_statut.sportif_de_haut_niveau", equalTo(true))
                .body("data.informations_statuts_precedents.size()", equalTo(1))
                .body("data.informations_statuts_precedents[0].fiche", equalTo(861867));
        WireMockUpstreams.server().verify(1, WireMock.postRequestedFor(urlPathEqualTo("/sdh/token")));
        WireMockUpstreams.server().verify(getRequestedFor(urlPathEqualTo("/sdh/sportifs/98765")));
    }

    @Test
    void withoutCurrentRightsThereIsNoCurrentStatus() throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(recordedFileAroundToday());
        ((ObjectNode) file.path("fichesHN").get(0)).put("debutDroits", "2001-01-01T00:00:00").put("finDroits", "2001-12-31T00:00:00");
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/sdh/sportifs/98765"))
                .willReturn(aResponse().withStatus(200).withBody(file.toString())));
        Response response = given().queryParam("recipient", "13002526500013").queryParam("identifiant", "98765").get(PATH);
        assertEquals(200, response.statusCode(), response.asString());
        // No current status is null, as the reference answers it, although the official OpenAPI types
        // informations_statut as a (non-nullable) object: the body is not checked against it here.
        response.then().body("data.est_sportif_de_haut_niveau", equalTo(false))
                .body("data.a_ete_sportif_de_haut_niveau", equalTo(true))
                .body("data.informations_statut", nullValue())
                .body("data.informations_statuts_precedents.size()", equalTo(2));
    }

    @Test
    void unknownIs404AndOtherAnswers502() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/sdh/sportifs/54321")).willReturn(aResponse().withStatus(404)));
        given().queryParam("recipient", "13002526500013").queryParam("identifiant", "54321").get(PATH)
                .then().statusCode(404).body("errors[0].code", equalTo("41003")).body("errors[0].meta.provider", equalTo("SDH"));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/sdh/sportifs/54321")).willReturn(aResponse().withStatus(403)));
        given().queryParam("recipient", "13002526500013").queryParam("identifiant", "54321").get(PATH)
                .then().statusCode(502).body("errors[0].code", equalTo("41999"));
    }

    @Test
    void anIdentifiantNotMadeOfDigitsIs422AndTheSdhIsNotAsked() {
        given().queryParam("recipient", "13002526500013").queryParam("identifiant", "12a/../34").get(PATH)
                .then().statusCode(422).body("errors[0].code", equalTo("00380"))
                .body("errors[0].source.parameter", equalTo("identifiant"));
        WireMockUpstreams.server().verify(0, WireMock.postRequestedFor(urlPathEqualTo("/sdh/token")));
    }
}
