package fr.guichet.acoss.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.acoss.support.OpenApiContract;
import fr.guichet.acoss.support.ProductionProfile;
import fr.guichet.acoss.support.RecordedExchanges;
import fr.guichet.acoss.support.RecordedExchanges.Exchange;
import fr.guichet.acoss.support.WireMockUpstreams;
import fr.guichet.acoss.client.OAuth2Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against GIP-MDS played by WireMock: the recorded OAuth2 exchange, then the
 * effectifs call, whose query the stub checks parameter by parameter (both regimes, nature code,
 * period, depth, requesting body, Paris timestamp) and whose answers are written in GIP-MDS's format.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class GipMdsReplayTest {

    static final String EFFECTIFS_PATH = "/gip_mds/rcd-api/1.0.0/effectifs";
    static final String ANNUAL = "/v3/gip_mds/unites_legales/130025265/effectifs_annuels/2023";
    static final String MONTHLY = "/v3/gip_mds/etablissements/13002526500013/effectifs_mensuels/12/annee/2022";

    @Inject
    RedisDataSource redis;

    WireMockServer upstream;
    String recordedToken;

    @BeforeEach
    void reset() {
        upstream = WireMockUpstreams.server();
        upstream.resetAll();
        redis.key().del(OAuth2Tokens.KEY_PREFIX + "urssaf", OAuth2Tokens.KEY_PREFIX + "gip_mds");
        List<Exchange> token = RecordedExchanges.replay(upstream, "upstream/gip_mds/oauth2.yml",
                WireMockUpstreams.placeholders());
        recordedToken = new String(token.get(0).responseBody()).replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void annualCombinesBothRegimes() {
        upstream.stubFor(effectifs("A01")
                .withQueryParam("siren", WireMock.equalTo("130025265"))
                .withQueryParam("periode", WireMock.equalTo("20231231"))
                .willReturn(json("upstream/gip_mds/effectifs_annuels.json")));
        Response response = UrssafReplayTest.call(ANNUAL);
        OpenApiContract.conforms(ANNUAL, response);
        response.then().statusCode(200)
                .body("data.siren", equalTo("130025265"))
                .body("data.annee", equalTo("2023"))
                .body("data.effectifs_annuel", hasSize(2))
                .body("data.effectifs_annuel[0].regime", equalTo("regime_general"))
                .body("data.effectifs_annuel[0].value", equalTo(13.47f))
                .body("data.effectifs_annuel[0].nature", equalTo("effectif_moyen_annuel"))
                .body("data.effectifs_annuel[0].date_derniere_mise_a_jour", equalTo("2024-02-01"))
                .body("data.effectifs_annuel[1].regime", equalTo("regime_agricole"))
                .body("data.effectifs_annuel[1].value", nullValue())
                .body("data.effectifs_annuel[1].date_derniere_mise_a_jour", nullValue());
        upstream.verify(1, postRequestedFor(urlPathEqualTo("/gip_mds/token")));
    }

    @Test
    void annualBoethAsksForNatureA02() {
        upstream.stubFor(effectifs("A02")
                .withQueryParam("siren", WireMock.equalTo("130025265"))
                .withQueryParam("periode", WireMock.equalTo("20231231"))
                .willReturn(json("upstream/gip_mds/effectifs_annuels_boeth.json")));
        Response response = given().queryParam("recipient", UrssafReplayTest.RECIPIENT)
                .queryParam("nature_effectif", "boeth").get(ANNUAL);
        OpenApiContract.conforms(ANNUAL, response);
        response.then().statusCode(200)
                .body("data.effectifs_annuel[0].value", equalTo(3))
                .body("data.effectifs_annuel[0].nature", equalTo("effectif_boeth_annuel"));
    }

    @Test
    void monthlyWithDepth() {
        upstream.stubFor(effectifs("M01")
                .withQueryParam("siret", WireMock.equalTo("13002526500013"))
                .withQueryParam("periode", WireMock.equalTo("20221201"))
                .withQueryParam("profondeurHistorique", WireMock.equalTo("2"))
                .willReturn(json("upstream/gip_mds/effectifs_mensuels.json")));
        Response response = given().queryParam("recipient", UrssafReplayTest.RECIPIENT)
                .queryParam("profondeur", 2).get(MONTHLY);
        OpenApiContract.conforms(MONTHLY, response);
        response.then().statusCode(200)
                .body("data.siret", equalTo("13002526500013"))
                .body("data.effectifs_mensuels", hasSize(6))
                .body("data.effectifs_mensuels.mois", contains("12", "12", "11", "11", "10", "10"))
                .body("data.effectifs_mensuels.annee", contains("2022", "2022", "2022", "2022", "2022", "2022"))
                .body("data.effectifs_mensuels.regime", contains("regime_general", "regime_agricole",
                        "regime_general", "regime_agricole", "regime_general", "regime_agricole"))
                .body("data.effectifs_mensuels[0].value", equalTo(12.66f))
                .body("data.effectifs_mensuels[1].value", nullValue())
                .body("data.effectifs_mensuels[3].value", equalTo(0.5f))
                .body("data.effectifs_mensuels[3].date_derniere_mise_a_jour", equalTo("2023-07-12"))
                .body("data.effectifs_mensuels[4].value", equalTo(14.21f))
                .body("data.effectifs_mensuels[0].nature", equalTo("effectif_moyen_mensuel"));
    }

    @Test
    void theTokenIsReusedAcrossCalls() {
        upstream.stubFor(effectifs("A01").willReturn(json("upstream/gip_mds/effectifs_annuels.json")));
        UrssafReplayTest.call(ANNUAL).then().statusCode(200);
        UrssafReplayTest.call(ANNUAL).then().statusCode(200);
        upstream.verify(1, postRequestedFor(urlPathEqualTo("/gip_mds/token")));
        upstream.verify(2, getRequestedFor(urlPathEqualTo(EFFECTIFS_PATH)));
    }

    @Test
    void upstreamErrors() {
        upstream.stubFor(effectifs("A01").willReturn(aResponse().withStatus(404)));
        Response notFound = UrssafReplayTest.call(ANNUAL);
        OpenApiContract.conforms(ANNUAL, notFound);
        notFound.then().statusCode(404)
                .body("errors[0].code", equalTo("31003"))
                .body("errors[0].title", equalTo("Entité non trouvée"))
                .body("errors[0].meta.provider", equalTo("GIP-MDS"));

        upstream.stubFor(effectifs("A01").willReturn(aResponse().withStatus(200).withBody("[]")));
        UrssafReplayTest.call(ANNUAL).then().statusCode(404).body("errors[0].code", equalTo("31003"));

        upstream.stubFor(effectifs("A01").willReturn(aResponse().withStatus(429)));
        UrssafReplayTest.call(ANNUAL).then().statusCode(502).body("errors[0].code", equalTo("31503"));

        upstream.stubFor(effectifs("A01").willReturn(aResponse().withStatus(500)));
        UrssafReplayTest.call(ANNUAL).then().statusCode(502).body("errors[0].code", equalTo("31501"));

        upstream.stubFor(effectifs("A01").willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        Response garbage = UrssafReplayTest.call(ANNUAL);
        OpenApiContract.conforms(ANNUAL, garbage);
        garbage.then().statusCode(502).body("errors[0].code", equalTo("31999"));

        upstream.stubFor(effectifs("A01").willReturn(aResponse().withStatus(401)));
        UrssafReplayTest.call(ANNUAL).then().statusCode(502).body("errors[0].code", equalTo("31502"));
    }

    @Test
    void readinessProbeUsesTheRecordedTokenExchange() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'GIP-MDS upstream' }.data.status", equalTo("ok"));
    }

    /** The effectifs query every call must carry, whatever the operation. */
    private MappingBuilder effectifs(String nature) {
        return get(urlPathEqualTo(EFFECTIFS_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + recordedToken))
                .withQueryParam("codeOPSDemandeur", WireMock.equalTo(WireMockUpstreams.CODE_DEMANDEUR))
                .withQueryParam("source", WireMock.equalTo("RA;RG"))
                .withQueryParam("nature", WireMock.equalTo(nature))
                .withQueryParam("dateHeure", matching("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[12]:00"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String resource) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(UrssafReplayTest.resource(resource));
    }
}
