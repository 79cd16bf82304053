package fr.guichet.cnav.dss;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fr.guichet.cnav.support.CnavStandIn;
import fr.guichet.cnav.support.ProductionProfile;
import fr.guichet.testing.contract.ParticulierContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Production mode against the CNAV stand-in, from API Particulier's recorded answers: the OAuth2
 * client credentials of each prestation (HTTP Basic, token shared through Redis), the civility
 * query CNAV receives, the API Particulier body of each prestation (checked against
 * openapi-particulier.yaml), the régime of {@code X-APISECU-FD} and the error each answer means.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class CnavReplayTest {

    static final String RECIPIENT = "13002526500013";
    static final String QF = "/v3/dss/quotient_familial/identite";
    static final String QF_OPERATION = "api_particulier_v3_cnav_quotient_familial_with_civility";
    static final String CNAF = "00810011";
    static final String MSA = "00171001";

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void reset() {
        CnavStandIn.server().resetAll();
        for (String prestation : CnavStandIn.PRESTATIONS) {
            redis.key().del("guichet:cnav:oauth:" + prestation);
            CnavStandIn.server().stubFor(post(urlPathEqualTo("/cnav/token"))
                    .withHeader("Authorization", equalTo(basic(prestation)))
                    .willReturn(json(200, CnavStandIn.payload("valid_authentication.json"))));
        }
    }

    /** The civility of the reference's request spec (JEAN-PASCAL CHAMPION, born 1980-06-12 in 17300). */
    static RequestSpecification civility() {
        return given().header("X-Request-ID", "req-cnav-1").queryParam("recipient", RECIPIENT)
                .queryParam("nomNaissance", "Champion").queryParam("prenoms[]", "Jean-Pascal", "Romain")
                .queryParam("anneeDateNaissance", 1980).queryParam("moisDateNaissance", 6)
                .queryParam("jourDateNaissance", 12).queryParam("sexeEtatCivil", "m")
                .queryParam("codeCogInseeCommuneNaissance", "17300").queryParam("codeCogInseePaysNaissance", "99100");
    }

    @Test
    void quotientFamilialOfTheCnaf() {
        stub("quotient_familial_v2", json(200, CnavStandIn.payload("quotient_familial_v2/make_request_valid.json"))
                .withHeader("X-APISECU-FD", CNAF));

        String body = civility().queryParam("annee", 2021).queryParam("mois", 3).get(QF).then().statusCode(200)
                .body("data.quotient_familial.fournisseur", org.hamcrest.Matchers.equalTo("CNAF"))
                .body("data.quotient_familial.valeur", org.hamcrest.Matchers.equalTo(464))
                .body("data.quotient_familial.annee", org.hamcrest.Matchers.equalTo(2021))
                .body("data.quotient_familial.mois", org.hamcrest.Matchers.equalTo(3))
                .body("data.quotient_familial.annee_calcul", org.hamcrest.Matchers.equalTo(2021))
                .body("data.quotient_familial.mois_calcul", org.hamcrest.Matchers.equalTo(3))
                .body("data.allocataires", hasSize(2))
                .body("data.allocataires[0].nom_usage", org.hamcrest.Matchers.equalTo("DU MONDE"))
                .body("data.allocataires[1].nom_usage", nullValue())
                .body("data.enfants[1].date_naissance", org.hamcrest.Matchers.equalTo("2012-04-00"))
                .body("data.adresse.destinataire", org.hamcrest.Matchers.equalTo("DU MONDE JEAN-PASCAL"))
                .body("data.adresse.lieu_dit", nullValue())
                .body("links", anEmptyMap()).body("meta", anEmptyMap())
                .extract().asString();
        ParticulierContract.assertValid(QF_OPERATION, 200, body);

        // What CNAV receives, as the reference sends it.
        CnavStandIn.server().verify(getRequestedFor(urlPathEqualTo("/cnav/quotient_familial_v2"))
                .withQueryParam("nomNaissance", equalTo("Champion"))
                .withQueryParam("listePrenoms", equalTo("Jean-Pascal Romain"))
                .withQueryParam("dateNaissance", equalTo("1980-06-12"))
                .withQueryParam("codeLieuNaissance", equalTo("17300"))
                .withQueryParam("codePaysNaissance", equalTo("99100"))
                .withQueryParam("genre", equalTo("M"))
                .withQueryParam("anneeDemandee", equalTo("2021"))
                .withQueryParam("moisDemande", equalTo("03"))
                .withHeader("Authorization", equalTo("Bearer super_valid_token"))
                .withHeader("X-APIPART-FSFINAL", equalTo(RECIPIENT))
                .withHeader("X-Correlation-ID", equalTo("req-cnav-1")));
        CnavStandIn.server().verify(1, postRequestedFor(urlPathEqualTo("/cnav/token"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=qf.read")));
    }

    @Test
    void quotientFamilialOfTheMsaIsComputedForTheCurrentMonthAndTheFranceConnectRouteAnswersAlike() {
        stub("quotient_familial_v2", json(200, CnavStandIn.payload("quotient_familial_v2/make_request_valid_without_children.json"))
                .withHeader("X-APISECU-FD", MSA));
        YearMonth now = YearMonth.now(ZoneId.of("Europe/Paris"));

        String civility = civility().get(QF).then().statusCode(200)
                .body("data.quotient_familial.fournisseur", org.hamcrest.Matchers.equalTo("MSA"))
                .body("data.quotient_familial.annee", org.hamcrest.Matchers.equalTo(now.getYear()))
                .body("data.quotient_familial.mois", org.hamcrest.Matchers.equalTo(now.getMonthValue()))
                .body("data.quotient_familial.annee_calcul", org.hamcrest.Matchers.equalTo(now.getYear()))
                .body("data.quotient_familial.mois_calcul", org.hamcrest.Matchers.equalTo(now.getMonthValue()))
                .body("data.enfants", hasSize(0))
                .extract().asString();
        ParticulierContract.assertValid(QF_OPERATION, 200, civility);
        String franceConnect = civility().get("/v3/dss/quotient_familial/france_connect").then().statusCode(200)
                .extract().asString();
        assertEquals(civility, franceConnect);
        CnavStandIn.server().verify(2, getRequestedFor(urlPathEqualTo("/cnav/quotient_familial_v2"))
                .withQueryParam("moisDemande", equalTo(String.format("%02d", now.getMonthValue()))));
        // One token for both calls, shared through Redis for its life less the refresh margin.
        CnavStandIn.server().verify(1, postRequestedFor(urlPathEqualTo("/cnav/token")));
        long ttl = redis.key().ttl("guichet:cnav:oauth:quotient_familial_v2");
        assertTrue(ttl > 3400 && ttl <= 3540, "ttl " + ttl);
    }

    @Test
    void aQuotientFamilialWithoutItsRegimeIsAnUnknownAnswer() {
        stub("quotient_familial_v2", json(200, CnavStandIn.payload("quotient_familial_v2/make_request_valid.json")));
        error(civility().get(QF), 502, "37999");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "allocation_adulte_handicape, allocation_adulte_handicape/valid_beneficiaire.json, est_beneficiaire, true, date_debut_droit, 2024-04-01",
        "allocation_soutien_familial, allocation_soutien_familial/valid_beneficiaire.json, est_beneficiaire, true, date_debut_droit, 2024-04-01",
        "complementaire_sante_solidaire, complementaire_sante_solidaire/make_request_valid.json, avec_participation, true, date_debut_droit, 2021-01-01",
        "prime_activite, prime_activite/valid_beneficiaire_majore.json, avec_majoration, true, date_debut_droit, 2024-04-01",
        "prime_activite, prime_activite/valid_beneficiaire_non_majore.json, avec_majoration, false, est_beneficiaire, true",
        "revenu_solidarite_active, revenu_solidarite_active/valid_beneficiaire_majore.json, avec_majoration, true, est_beneficiaire, true",
        "revenu_solidarite_active, revenu_solidarite_active/valid_beneficiaire_non_majore.json, avec_majoration, false, est_beneficiaire, true",
        "allocation_enfant_handicape, allocation_enfant_handicape/valid_beneficiaire.json, status, allocataire, date_debut_droit, 2021-01-01",
        "allocation_enfant_handicape, allocation_enfant_handicape/valid_beneficiaire_ouvrant_droit.json, status, ouvrant_droit, date_debut_droit, 2021-01-01",
    })
    void eachPrestationAnswersItsBody(String prestation, String payload, String field, String value, String other,
                                      String otherValue) {
        stub(prestation, json(200, CnavStandIn.payload(payload)).withHeader("X-APISECU-FD", CNAF));
        String path = "/v3/dss/" + prestation + "/identite";
        String body = civility().get(path).then().statusCode(200).extract().asString();
        ParticulierContract.assertValid("api_particulier_v3_cnav_" + prestation + "_with_civility", 200, body);
        var data = io.restassured.path.json.JsonPath.from(body).getMap("data");
        assertEquals(value, String.valueOf(data.get(field)), body);
        assertEquals(otherValue, String.valueOf(data.get(other)), body);
        assertEquals(civility().get("/v3/dss/" + prestation + "/france_connect").then().statusCode(200).extract().asString(),
                body);
    }

    @Test
    void participationFamilialeOfAFamilyWithAYoungChild() {
        stub("participation_familiale_eaje", json(200, CnavStandIn.payload("participation_familiale_eaje/make_request_with_null_cog_naissance.json")));
        String path = "/v3/dss/participation_familiale_eaje/identite";
        String body = civility().get(path).then().statusCode(200)
                .body("data.allocataires[1].code_cog_insee_commune_naissance", nullValue())
                .body("data.enfants", hasSize(2))
                .body("data.adresse.complement_information_geographique", org.hamcrest.Matchers.equalTo("Bat Les Alizes"))
                .body("data.parametres_calcul_participation_familiale.nombre_enfants_a_charge", org.hamcrest.Matchers.equalTo(2))
                .body("data.parametres_calcul_participation_familiale.base_ressources_annuelles.valeur", org.hamcrest.Matchers.equalTo(2500))
                .body("data.parametres_calcul_participation_familiale.base_ressources_annuelles.annee_calcul", org.hamcrest.Matchers.equalTo(2024))
                .extract().asString();
        ParticulierContract.assertValid("api_particulier_v3_cnav_participation_familiale_eaje_with_civility", 200, body);
    }

    @Test
    void participationFamilialeOfAFamilyWithoutAChildUnder7IsNotEligible() {
        stub("participation_familiale_eaje", json(200, CnavStandIn.payload("participation_familiale_eaje/make_request_no_kids_under_7.json")));
        error(civility().get("/v3/dss/participation_familiale_eaje/identite"), 404, "37003")
                .body("errors[0].title", org.hamcrest.Matchers.equalTo("Allocataire non éligible"));
    }

    @Test
    void notFoundAnswersNameTheRegime() {
        String body = CnavStandIn.payload("complementaire_sante_solidaire/404.json");
        stub("complementaire_sante_solidaire", json(404, body).withHeader("X-APISECU-FD", CNAF));
        String path = "/v3/dss/complementaire_sante_solidaire/identite";
        error(civility().get(path), 404, "23003").body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("CNAF"))
                .body("errors[0].title", org.hamcrest.Matchers.equalTo("Dossier allocataire absent CNAF"))
                .body("errors[0].detail", org.hamcrest.Matchers.equalTo("Le dossier allocataire n'a pas été trouvé auprès de la CNAF."));
        stub("complementaire_sante_solidaire", json(404, body).withHeader("X-APISECU-FD", MSA));
        error(civility().get(path), 404, "10003").body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("MSA"));
        stub("complementaire_sante_solidaire", json(404, body).withHeader("X-APISECU-FD", "99430000"));
        error(civility().get(path), 404, "37003").body("errors[0].title", org.hamcrest.Matchers.equalTo("Dossier allocataire absent RNCPS"))
                .body("errors[0].detail", org.hamcrest.Matchers.equalTo("Le dossier allocataire n'a pas été trouvé auprès du RNCPS."));
        stub("complementaire_sante_solidaire", json(404, body));
        error(civility().get(path), 404, "37003").body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("CNAV"));
    }

    @Test
    void aPersonNoRegimeKnowsIsCnafAndMsasNotFoundAndAnUnknownIdentityIs422() {
        stub("prime_activite", json(404, CnavStandIn.payload("404-regime-not-found.json")).withHeader("X-APISECU-FD", CNAF));
        error(civility().get("/v3/dss/prime_activite/identite"), 404, "35003")
                .body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("CNAF & MSA"));
        stub("prime_activite", json(404, CnavStandIn.payload("404-identity-not-found.json")));
        error(civility().get("/v3/dss/prime_activite/identite"), 422, "00355");
    }

    @Test
    void civilityRefusedByCnavIs422WithItsCode() {
        stub("quotient_familial_v2", json(400, CnavStandIn.payload("quotient_familial_v2/400.json")));
        error(civility().get(QF), 422, "00366")
                .body("errors[0].meta.provider_error_code", org.hamcrest.Matchers.equalTo(40002))
                .body("errors[0].meta.provider_error_message", org.hamcrest.Matchers.equalTo("Nom de naissance ou nom d'usage absent"));
    }

    @ParameterizedTest(name = "CNAV {0} → {1} {2}")
    @CsvSource({"429, 502, 37008", "500, 502, 37000", "503, 502, 37001", "504, 504, 37002", "418, 502, 37999"})
    void failuresOfCnavAreItsErrors(int upstream, int status, String code) {
        stub("revenu_solidarite_active", json(upstream, "{\"errorCode\":50001,\"error\":\"Erreur technique non spécifiée\"}"));
        error(civility().get("/v3/dss/revenu_solidarite_active/identite"), status, code)
                .body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("CNAV"));
    }

    @Test
    void aTimeoutIs504() {
        stub("allocation_adulte_handicape", json(200, CnavStandIn.payload("allocation_adulte_handicape/valid_beneficiaire.json"))
                .withFixedDelay(6000));
        error(civility().get("/v3/dss/allocation_adulte_handicape/identite"), 504, "37002");
    }

    @Test
    void aTokenCnavRefusesIsReplacedOnce() {
        CnavStandIn.server().stubFor(get(urlPathEqualTo("/cnav/allocation_soutien_familial")).inScenario("expired")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(401, "{}")).willSetStateTo("renewed"));
        CnavStandIn.server().stubFor(get(urlPathEqualTo("/cnav/allocation_soutien_familial")).inScenario("expired")
                .whenScenarioStateIs("renewed")
                .willReturn(json(200, CnavStandIn.payload("allocation_soutien_familial/valid_beneficiaire.json"))));
        civility().get("/v3/dss/allocation_soutien_familial/identite").then().statusCode(200);
        CnavStandIn.server().verify(2, postRequestedFor(urlPathEqualTo("/cnav/token")));
    }

    @Test
    void neitherTheIdentityNorCnavsAnswerIsLogged() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            stub("quotient_familial_v2", json(200, CnavStandIn.payload("quotient_familial_v2/make_request_valid.json"))
                    .withHeader("X-APISECU-FD", CNAF));
            civility().get(QF).then().statusCode(200);
            stub("prime_activite", json(400, CnavStandIn.payload("quotient_familial_v2/400.json")));
            civility().get("/v3/dss/prime_activite/identite").then().statusCode(422);
            stub("allocation_adulte_handicape", json(200, "{}").withFixedDelay(6000));
            civility().get("/v3/dss/allocation_adulte_handicape/identite").then().statusCode(504);
        } finally {
            root.removeHandler(capture);
        }
        assertFalse(lines.isEmpty(), "no log line captured");
        for (String line : lines) {
            String upper = line.toUpperCase();
            assertFalse(upper.contains("CHAMPION") || upper.contains("1980-06-12") || upper.contains("NIDOUILLET")
                    || upper.contains("GARREVAQUES"), line);
        }
    }

    @Test
    void readinessShowsCnavsCircuit() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'cnav' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'cnav' }.data.circuit", org.hamcrest.Matchers.equalTo("closed"));
    }

    private static void stub(String prestation, ResponseDefinitionBuilder answer) {
        CnavStandIn.server().stubFor(get(urlPathEqualTo("/cnav/" + prestation)).willReturn(answer));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ValidatableResponse error(io.restassured.response.Response response, int status, String code) {
        return response.then().statusCode(status).contentType("application/json").body("errors", hasSize(1))
                .body("errors[0].code", org.hamcrest.Matchers.equalTo(code));
    }

    private static String basic(String prestation) {
        return "Basic " + Base64.getEncoder().encodeToString((CnavStandIn.clientId(prestation) + ":"
                + CnavStandIn.clientSecret(prestation)).getBytes(StandardCharsets.UTF_8));
    }
}
