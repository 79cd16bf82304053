package fr.guichet.education.men;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.education.support.ParticulierQuery;
import fr.guichet.education.support.Payloads;
import fr.guichet.education.support.ProductionProfile;
import fr.guichet.education.support.WireMockUpstreams;
import fr.guichet.testing.cassette.Cassette;
import fr.guichet.testing.contract.ParticulierContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of MEN's scolarités (v3, v4, v5) against MEN's recorded exchanges
 * ({@code men/cassettes/scolarites/*_v2.yml}: the token, then the search in one school, each stub
 * answering only the request recorded, credentials and the caller's SIRET included).
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class MenReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUPIL = """
            "identite":{"nom":"Martin","prenom":"Camille","sexe":"M","date_naissance":"2007-07-07"},
            "annee_scolaire":"2023","est_scolarise":true,"statut_eleve":{"code":"ST","libelle":"SCOLAIRE"},
            "module_elementaire_formation":{"code_mef_stat":"211324099991","libelle":"1CAP1 STAFFEUR ORNEMANISTE"},
            "est_boursier":true,"echelon_bourse":2,
            "etablissement":{"code_uai":"0890003V","code_ministere_tutelle":"06"}""";

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
        redis.key().del("guichet:men:token");
    }

    /** Stubs every exchange of the cassette, each answering only the request recorded. */
    private static void replay(String cassette) {
        for (Cassette.Exchange exchange : Cassette.load("upstream/men/cassettes/scolarites/" + cassette,
                WireMockUpstreams.placeholders())) {
            MappingBuilder stub;
            if ("POST".equals(exchange.method())) {
                stub = post(urlPathEqualTo(exchange.path())).withRequestBody(WireMock.equalTo(exchange.requestBody()));
            } else {
                stub = get(urlPathEqualTo(exchange.path()));
                for (Map.Entry<String, String> q : exchange.query().entrySet()) {
                    stub = stub.withQueryParam(q.getKey(), WireMock.equalTo(q.getValue()));
                }
                for (String header : List.of("Authorization", "X-Siret-Partenaire")) {
                    stub = stub.withHeader(header, WireMock.equalTo(exchange.requestHeaders().get(header)));
                }
            }
            WireMockUpstreams.server().stubFor(stub.willReturn(aResponse().withStatus(exchange.status())
                    .withHeader("Content-Type", exchange.responseHeaders().getOrDefault("Content-Type", "application/json"))
                    .withBody(exchange.responseBody())));
        }
    }

    /** The identity and the school of the recordings. */
    private static Map<String, List<String>> recorded() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("nomNaissance", List.of("NOMFAMILLE"));
        values.put("prenoms", List.of("prenom"));
        values.put("sexeEtatCivil", List.of("F"));
        values.put("anneeDateNaissance", List.of("2000"));
        values.put("moisDateNaissance", List.of("6"));
        values.put("jourDateNaissance", List.of("10"));
        values.put("codeEtablissement", List.of("0511474A"));
        values.put("anneeScolaire", List.of("2021"));
        return values;
    }

    private static Response call(String path, Map<String, List<String>> values) {
        return given().urlEncodingEnabled(false).get(path + "?" + ParticulierQuery.encode(ParticulierQuery.of(values)));
    }

    private static void assertBody(String expectedData, String path) throws Exception {
        String body = call(path, recorded()).then().statusCode(200).extract().asString();
        assertEquals(JSON.readTree("{\"data\":{" + expectedData + "},\"links\":{},\"meta\":{}}"), JSON.readTree(body));
        // Each version of the path is its own operation of the contract: /v4/... is api_particulier_v4_....
        ParticulierContract.assertValid("api_particulier_" + path.substring(1, 3) + "_men_scolarites_with_civility", 200, body);
    }

    @Test
    void aPupilIsMappedAsApiParticulierShapesItInV3AndV4() throws Exception {
        replay("valid_v2.yml");
        assertBody(PUPIL, "/v3/men/scolarites/identite");
        assertBody(PUPIL, "/v4/men/scolarites/identite");
    }

    @Test
    void v5AddsTheBoardingRegime() throws Exception {
        replay("valid_v2.yml");
        assertBody(PUPIL + ",\"regime_pensionnat\":{\"code\":\"0\",\"libelle\":\"Externe libre\"}", "/v5/men/scolarites/identite");
    }

    @Test
    void aPupilMenDoesNotKnowIs404WithMensCode() {
        replay("not_found_v2.yml");
        call("/v3/men/scolarites/identite", recorded()).then().statusCode(404)
                .body("errors[0].code", equalTo("30003"))
                .body("errors[0].detail", equalTo("Aucun élève n'a pu être trouvé avec les critères de recherche fournis."))
                .body("errors[0].meta.provider", equalTo("MEN"));
    }

    @Test
    void aPupilNotAtSchoolIs404With30004() {
        replay("valid_v2.yml");
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo("/men")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.read("men/scolarites/with_no_scolarite.json"))));
        call("/v3/men/scolarites/identite", recorded()).then().statusCode(404)
                .body("errors[0].code", equalTo("30004"))
                .body("errors[0].title", equalTo("Scolarité non trouvée"));
    }

    @Test
    void aSearchInATerritoryIsPostedToThePerimetre() throws Exception {
        replay("valid_v2.yml");
        WireMockUpstreams.server().stubFor(post(urlPathEqualTo("/men/perimetre"))
                .withHeader("Authorization", WireMock.equalTo("Bearer jwt-access-token"))
                .withRequestBody(equalToJson("""
                        {"nom":"NOMFAMILLE","prenom":"prenom","sexe":2,"date-naissance":"2000-06-10","annee-scolaire":"2021",
                         "scope":"men_statut_scolarite,men_statut_boursier,men_echelon_bourse","degre-etablissement":"2D",
                         "type-perimetre":"departement","valeurs-perimetre":["075","092"]}"""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.read("men/scolarites/with_no_scolarite.json")
                                .replace("\"est-scolarise\": false", "\"est-scolarise\": true"))));
        Map<String, List<String>> values = recorded();
        values.remove("codeEtablissement");
        values.put("degreEtablissement", List.of("2D"));
        values.put("codesBcnDepartements", List.of("075", "092"));
        call("/v3/men/scolarites/identite", values).then().statusCode(200)
                .body("data.est_scolarise", equalTo(true))
                .body("data.identite.nom", equalTo("NOMFAMILLE"));
    }

    @Test
    void aSchoolAndATerritoryTogetherAreRefusedWithoutCallingMen() {
        Map<String, List<String>> values = recorded();
        values.put("codesBcnRegions", List.of("11"));
        call("/v3/men/scolarites/identite", values).then().statusCode(422).body("errors[0].code", equalTo("00419"));
        values.remove("codesBcnRegions");
        values.put("anneeScolaire", List.of("21"));
        call("/v3/men/scolarites/identite", values).then().statusCode(422).body("errors[0].code", equalTo("00411"));
        WireMockUpstreams.server().verify(0, getRequestedFor(urlPathEqualTo("/men")));
    }
}
