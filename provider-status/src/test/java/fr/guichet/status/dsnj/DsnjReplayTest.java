package fr.guichet.status.dsnj;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.status.support.ProductionProfile;
import fr.guichet.status.support.WireMockUpstreams;
import fr.guichet.testing.contract.ParticulierContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against the DSNJ played by WireMock with its recorded answers: the identity
 * sent as the reference sends it ("identité pivot"), the answers mapped or refused.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class DsnjReplayTest {

    static final String OPERATION = "api_particulier_v3_dsnj_service_national_with_civility";
    static final String PATH = "/v3/dsnj/service_national/identite";
    static final String FRANCE_CONNECT_PATH = "/v3/dsnj/service_national/france_connect";

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    static RequestSpecification jonna() {
        return given().queryParam("recipient", "13002526500013").queryParam("nomNaissance", "Cash")
                .queryParam("prenoms[]", "jöNNA").queryParam("prenoms[]", "Marie")
                .queryParam("anneeDateNaissance", 2007).queryParam("moisDateNaissance", 7).queryParam("jourDateNaissance", 30)
                .queryParam("sexeEtatCivil", "F").queryParam("codeCogInseePaysNaissance", "99100")
                .queryParam("codeCogInseeCommuneNaissance", "91000");
    }

    static void answer(int status, String payload) {
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/dsnj/service_national"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + WireMockUpstreams.DSNJ_TOKEN))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(resource("upstream/dsnj/" + payload))));
    }

    @Test
    void theIdentityIsSentAsAPivotAndTheStatusMapped() {
        answer(200, "found.json");
        for (String path : new String[] {PATH, FRANCE_CONNECT_PATH}) {
            Response response = jonna().get(path);
            assertEquals(200, response.statusCode(), response.asString());
            ParticulierContract.assertValid(path.equals(PATH) ? OPERATION
                    : "api_particulier_v3_dsnj_service_national_with_france_connect", 200, response.asString());
            response.then().body("data.statut_service_national", equalTo("en_regle"))
                    .body("data.commentaires", equalTo("Complément"));
        }
        WireMockUpstreams.server().verify(2, postRequestedFor(urlPathEqualTo("/dsnj/service_national"))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"identites_pivot":[{"given_name":"Jonna","family_name":"CASH","birthdate":"2007-07-30",
                         "gender":"female","birthplace":"91000","birthcountry":"99100"}]}""")));
    }

    @Test
    void bornAbroadTheCommuneIsNotSent() {
        answer(200, "found.json");
        given().queryParam("recipient", "13002526500013").queryParam("nomNaissance", "Cash").queryParam("prenoms[]", "Jonna")
                .queryParam("anneeDateNaissance", 2007).queryParam("moisDateNaissance", 7).queryParam("jourDateNaissance", 30)
                .queryParam("sexeEtatCivil", "M").queryParam("codeCogInseePaysNaissance", "99134")
                .get(PATH).then().statusCode(200);
        WireMockUpstreams.server().verify(postRequestedFor(urlPathEqualTo("/dsnj/service_national")).withRequestBody(equalToJson("""
                {"identites_pivot":[{"given_name":"Jonna","family_name":"CASH","birthdate":"2007-07-30",
                 "gender":"male","birthplace":null,"birthcountry":"99134"}]}""")));
    }

    @Test
    void nobodyFoundIs404With39003() {
        answer(200, "not_found.json");
        jonna().get(PATH).then().statusCode(404).body("errors[0].code", equalTo("39003"))
                .body("errors[0].meta.provider", equalTo("DSNJ"));
    }

    @Test
    void anErrorSeveralResultsOrAFailedReturnCodeIs502With39999() {
        for (String payload : new String[] {"error_with_return_code_ok.json", "found_multiple.json", "ko.json"}) {
            answer(200, payload);
            jonna().get(PATH).then().statusCode(502).body("errors[0].code", equalTo("39999"));
        }
        answer(500, "ko.json");
        jonna().get(PATH).then().statusCode(502).body("errors[0].code", equalTo("39999"));
    }

    @Test
    void aMalformedIdentityIsOne422NamingEveryParameterAndTheDsnjIsNotAsked() {
        given().queryParam("recipient", "13002526500013").queryParam("prenoms[]", "Jonna").queryParam("anneeDateNaissance", "deux")
                .queryParam("moisDateNaissance", 7).queryParam("jourDateNaissance", 30).queryParam("sexeEtatCivil", "X")
                .get(PATH).then().statusCode(422)
                .body("errors.code", contains("00420", "00422", "00427", "00400"))
                .body("errors.source.parameter", contains("nomNaissance", "anneeDateNaissance", "sexeEtatCivil",
                        "codeCogInseePaysNaissance"));
        WireMockUpstreams.server().verify(0, postRequestedFor(urlPathEqualTo("/dsnj/service_national")));
    }

    private static String resource(String path) {
        try (InputStream in = DsnjReplayTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
