package fr.guichet.acoss.servicecivique;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.acoss.client.OAuth2Tokens;
import fr.guichet.acoss.support.ProductionProfile;
import fr.guichet.acoss.support.RecordedExchanges;
import fr.guichet.acoss.support.WireMockUpstreams;
import fr.guichet.testing.contract.ParticulierContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of the service civique against GIP-MDS played by WireMock: the recorded OAuth2
 * exchange, then GIP-MDS's recorded answers of the contracts service, whose query the stub checks
 * (upper-cased birth name, first given name, ddMMyyyy birth date, nature 89, certified comparison).
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ServiceCiviqueReplayTest {

    static final String OPERATION = "api_particulier_v3_gip_mds_service_civique_with_civility";
    static final String PATH = "/v3/gip_mds/service_civique/identite";
    static final String CONTRATS = "/gip_mds/contrats-generique";

    @Inject
    RedisDataSource redis;

    WireMockServer upstream;

    @BeforeEach
    void reset() {
        upstream = WireMockUpstreams.server();
        upstream.resetAll();
        redis.key().del(OAuth2Tokens.KEY_PREFIX + "gip_mds");
        RecordedExchanges.replay(upstream, "upstream/gip_mds/oauth2.yml", WireMockUpstreams.placeholders());
    }

    static RequestSpecification delaforet() {
        return given().queryParam("recipient", "13002526500013").queryParam("nomNaissance", "Delaforet")
                .queryParam("prenoms[]", "Manu").queryParam("prenoms[]", "Jean")
                .queryParam("anneeDateNaissance", 1990).queryParam("moisDateNaissance", 5).queryParam("jourDateNaissance", 3);
    }

    void answer(int status, String payload) {
        upstream.stubFor(get(urlPathEqualTo(CONTRATS))
                .withQueryParam("nom", WireMock.equalTo("DELAFORET"))
                .withQueryParam("prenom", WireMock.equalTo("Manu"))
                .withQueryParam("dateNaissance", WireMock.equalTo("03051990"))
                .withQueryParam("listeCodeNature", WireMock.equalTo("89"))
                .withQueryParam("comparaisonCertifiee", WireMock.equalTo("1"))
                .withHeader("Authorization", WireMock.matching("Bearer .+"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(resource("upstream/gip_mds/service_civique/" + payload))));
    }

    @Test
    void aCurrentContractIsTheCurrentStatus() {
        answer(200, "valid.json");
        Response response = delaforet().get(PATH);
        assertEquals(200, response.statusCode(), response.asString());
        ParticulierContract.assertValid(OPERATION, 200, response.asString());
        response.then()
                .body("data.statut_actuel.contrat_trouve", equalTo(true))
                .body("data.statut_actuel.organisme_accueil.siret", equalTo("34442248200013"))
                .body("data.statut_actuel.organisme_accueil.raison_sociale", equalTo("ROBEZ YVETTE LOUISE C"))
                .body("data.statut_actuel.date_debut_contrat", equalTo("2025-12-01"))
                .body("data.statut_actuel.date_fin_contrat", nullValue())
                .body("data.statut_passe.contrat_trouve", equalTo(false))
                .body("data.statut_passe.organisme_accueil.siret", nullValue())
                .body("links.size()", equalTo(0)).body("meta.size()", equalTo(0));
        upstream.verify(1, getRequestedFor(urlPathEqualTo(CONTRATS)));
    }

    @Test
    void anEndedContractIsPastUnlessItsBreakMotiveKeepsItCurrent() {
        answer(200, "past_contract.json");
        delaforet().get(PATH).then().statusCode(200)
                .body("data.statut_actuel.contrat_trouve", equalTo(false))
                .body("data.statut_passe.contrat_trouve", equalTo(true));
        for (String motive : new String[] {"valid_motif_rupture_99.json", "valid_motif_rupture_100.json"}) {
            answer(200, motive);
            delaforet().get(PATH).then().statusCode(200)
                    .body("data.statut_actuel.contrat_trouve", equalTo(true))
                    .body("data.statut_passe.contrat_trouve", equalTo(false));
        }
        answer(200, "multiple_contracts.json");
        Response multiple = delaforet().get(PATH);
        assertEquals(200, multiple.statusCode(), multiple.asString());
        ParticulierContract.assertValid(OPERATION, 200, multiple.asString());
    }

    @Test
    void aKnownPersonWithoutContractIsNoContractAndAnUnknownOneIs404() {
        answer(404, "not_found_contrat.json");
        Response none = delaforet().get(PATH);
        assertEquals(200, none.statusCode(), none.asString());
        ParticulierContract.assertValid(OPERATION, 200, none.asString());
        none.then().body("data.statut_actuel.contrat_trouve", equalTo(false))
                .body("data.statut_passe.contrat_trouve", equalTo(false));
        answer(404, "not_found.json");
        delaforet().get(PATH).then().statusCode(404).body("errors[0].code", equalTo("31003"))
                .body("errors[0].meta.provider", equalTo("GIP-MDS"));
    }

    @Test
    void severalPersonsAre422With00391() {
        answer(413, "too_many_individus.json");
        Response response = delaforet().get(PATH);
        assertEquals(422, response.statusCode(), response.asString());
        // As the official sandbox's 422 case says it (the OpenAPI's Error schema omits source and meta).
        response.then().body("errors", hasSize(1)).body("errors[0].code", equalTo("00391"))
                .body("errors[0].title", equalTo("Entité non traitable"))
                .body("errors[0].detail", equalTo("Les paramètres d'identité correspondent à plusieurs personnes. Nous ne "
                        + "pouvons pas fournir les informations de service civique pour cet individu."));
    }

    @Test
    void otherAnswersAreGipMdsErrors() {
        answer(400, "not_found.json");
        delaforet().get(PATH).then().statusCode(502).body("errors[0].code", equalTo("31999"));
        answer(200, "not_found.json");
        delaforet().get(PATH).then().statusCode(502).body("errors[0].code", equalTo("31999"));
        answer(500, "not_found.json");
        delaforet().get(PATH).then().statusCode(502).body("errors[0].code", equalTo("31501"));
    }

    @Test
    void missingIdentityParametersAreAllNamedInOne422() {
        given().queryParam("recipient", "13002526500013").queryParam("moisDateNaissance", "mai").get(PATH)
                .then().statusCode(422).body("errors", hasSize(5))
                .body("errors.code", org.hamcrest.Matchers.contains("00420", "00421", "00422", "00423", "00424"))
                .body("errors[0].source.parameter", equalTo("nomNaissance"));
        upstream.verify(0, getRequestedFor(urlPathEqualTo(CONTRATS)));
    }

    private static String resource(String path) {
        try (InputStream in = ServiceCiviqueReplayTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
