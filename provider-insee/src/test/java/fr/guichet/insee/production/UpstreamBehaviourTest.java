package fr.guichet.insee.production;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.guichet.insee.sirene.service.InseeOperation;
import fr.guichet.insee.sirene.rest.OperationPaths;
import fr.guichet.insee.testing.OpenApiContract;
import fr.guichet.insee.testing.ProductionModeProfile;
import fr.guichet.insee.testing.ProductionState;
import fr.guichet.insee.testing.Recordings;
import fr.guichet.testing.metrics.PrometheusScrape;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INSEE failures → 01xxx errors, the circuit breaker, readiness, and the response cache. */
@QuarkusTest
@TestProfile(ProductionModeProfile.class)
class UpstreamBehaviourTest {

    private static final String SIREN = "306138900";
    private static final String UPSTREAM = Recordings.SIRENE_PATH + "/siren/" + SIREN;

    WireMockServer insee;

    @Inject
    RedisDataSource redis;

    @Inject
    ProductionState productionState;

    @BeforeEach
    void freshState() {
        productionState.reset(insee);
    }

    private static Response call() {
        return given().queryParams(OperationPaths.MANDATORY_PARAMS).get(OperationPaths.path(InseeOperation.UNITES_LEGALES_V3, SIREN));
    }

    private static void assertError(Response response, int status, String code) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(code, response.jsonPath().getString("errors[0].code"), response.asString());
        assertEquals("INSEE", response.jsonPath().getString("errors[0].meta.provider"));
        OpenApiContract.assertValid(OperationPaths.path(InseeOperation.UNITES_LEGALES_V3, SIREN), status, response.asString());
    }

    @Test
    void timeoutGives504And01002() {
        insee.stubFor(get(urlEqualTo(UPSTREAM)).willReturn(aResponse().withStatus(200).withFixedDelay(4_000).withBody("{}")));
        assertError(call(), 504, "01002");
    }

    @Test
    void serverErrorsGiveTheirProviderCodes() {
        insee.stubFor(get(urlEqualTo(UPSTREAM)).willReturn(aResponse().withStatus(500)));
        assertError(call(), 502, "01000");
        insee.stubFor(get(urlEqualTo(UPSTREAM)).willReturn(aResponse().withStatus(503)));
        assertError(call(), 504, "01001");
        insee.stubFor(get(urlEqualTo(UPSTREAM)).willReturn(aResponse().withStatus(504)));
        assertError(call(), 504, "01002");
    }

    @Test
    void throttlingByInseeGives01008WithItsDelay() {
        insee.stubFor(get(urlEqualTo(UPSTREAM)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        Response response = call();
        assertEquals(502, response.statusCode());
        assertEquals("01008", response.jsonPath().getString("errors[0].code"));
        assertEquals(30, response.jsonPath().getInt("errors[0].meta.retry_in"));
    }

    @Test
    void unparseableAnswerGives01999() {
        insee.stubFor(get(urlEqualTo(UPSTREAM)).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        assertError(call(), 502, "01999");
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndReadinessSaysSo() {
        insee.stubFor(get(urlEqualTo(UPSTREAM)).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 10; i++) {
            assertEquals(502, call().statusCode());
        }
        assertError(call(), 504, "01001");
        insee.verify(10, getRequestedFor(urlEqualTo(UPSTREAM)));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'insee-sirene' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'insee-sirene' }.data.circuit", equalTo("open"))
                .body("checks.find { it.name == 'insee-sirene' }.data.success_ratio", equalTo("0.000"));
        // The one encoding of circuit states: 1 for the current one, 0 for the others.
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String sirene = "upstream=\"insee-sirene\"";
        assertEquals(1.0, PrometheusScrape.value(scrape, "guichet_circuit_breaker_state", sirene, "state=\"open\"",
                "service=\"provider-insee\"", "provider=\"insee\""));
        assertEquals(0.0, PrometheusScrape.value(scrape, "guichet_circuit_breaker_state", sirene, "state=\"closed\""));
        assertEquals(0.0, PrometheusScrape.value(scrape, "guichet_circuit_breaker_state", sirene, "state=\"half_open\""));
    }

    @Test
    void readinessReportsTheRecentSuccessRatio() {
        Recordings.replay(insee, "siren/active_GE.yml");
        assertEquals(200, call().statusCode());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'insee-sirene' }.data.circuit", equalTo("closed"))
                .body("checks.find { it.name == 'insee-sirene' }.data.mode", equalTo("production"))
                .body("checks.find { it.name == 'insee-sirene' }.data.success_ratio", equalTo("1.000"))
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"));
    }

    @Test
    void successfulAnswersAreCachedForTheConfiguredTime() {
        Recordings.replay(insee, "siren/active_GE.yml");
        Response first = call();
        assertEquals("miss", first.header("X-Guichet-Cache"));
        Response second = call();
        assertEquals("hit", second.header("X-Guichet-Cache"));
        assertEquals(first.asString(), second.asString());
        insee.verify(1, getRequestedFor(urlEqualTo(UPSTREAM)));
        long ttl = redis.key(String.class).ttl("guichet:insee:response:api_entreprise_v3_insee_unites_legales:" + SIREN);
        assertTrue(ttl > 7190 && ttl <= 7200, "the configured 2 hours, was " + ttl);

        // The cache is per operation: v4 is fetched on its own.
        given().get(OperationPaths.path(InseeOperation.UNITES_LEGALES_V4, SIREN)).then().header("X-Guichet-Cache", "miss");

        Response bypass = given().header("Cache-Control", "no-cache").get(OperationPaths.path(InseeOperation.UNITES_LEGALES_V3, SIREN));
        assertEquals("miss", bypass.header("X-Guichet-Cache"));
        insee.verify(3, getRequestedFor(urlEqualTo(UPSTREAM)));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "guichet_insee_cache_total{operation=\"api_entreprise_v3_insee_unites_legales\",result=\"hit\"}"))
                .body(org.hamcrest.Matchers.containsString("guichet_insee_upstream_success_ratio"))
                .body(org.hamcrest.Matchers.containsString("guichet_circuit_breaker_state"));
    }

    @Test
    void noStoreKeepsTheAnswerOutOfTheCache() {
        Recordings.replay(insee, "siren/active_GE.yml");
        given().header("Cache-Control", "no-store").get(OperationPaths.path(InseeOperation.UNITES_LEGALES_V3, SIREN))
                .then().statusCode(200).header("X-Guichet-Cache", "miss");
        assertTrue(redis.key(String.class).keys("guichet:insee:response:*").isEmpty());
        given().get(OperationPaths.path(InseeOperation.UNITES_LEGALES_V3, SIREN)).then().header("X-Guichet-Cache", "miss");
        insee.verify(2, getRequestedFor(urlEqualTo(UPSTREAM)));
    }

    @Test
    void naturalPersonsAreNeverCachedBeyondAnHour() {
        Recordings.replay(insee, "siren/active_AE.yml");
        Recordings.replay(insee, "siret/active_AE.yml");
        given().get(OperationPaths.path(InseeOperation.UNITES_LEGALES_V3, "412288383")).then().statusCode(200);
        given().get(OperationPaths.path(InseeOperation.ADRESSES_V3, "41228838300018")).then().statusCode(200);
        for (String key : List.of("guichet:insee:response:api_entreprise_v3_insee_unites_legales:412288383",
                "guichet:insee:response:api_entreprise_v3_insee_adresses_etablissements:41228838300018")) {
            long ttl = redis.key(String.class).ttl(key);
            assertTrue(ttl > 3590 && ttl <= 3600, key + ": one hour despite the 2-hour setting, was " + ttl);
        }
    }

    @Test
    void errorsAreNotCached() {
        Recordings.replay(insee, "siren/non_existent.yml");
        given().get(OperationPaths.path(InseeOperation.UNITES_LEGALES_V3, "000000000")).then().statusCode(404);
        given().get(OperationPaths.path(InseeOperation.UNITES_LEGALES_V3, "000000000")).then().statusCode(404);
        insee.verify(2, getRequestedFor(urlEqualTo(Recordings.SIRENE_PATH + "/siren/000000000")));
        assertTrue(redis.key(String.class).keys("guichet:insee:response:*").isEmpty());
    }

    @Test
    void malformedIdentifiersNeverReachInsee() {
        given().get("/v3/insee/sirene/unites_legales/30613890").then().statusCode(422).body("errors[0].code", equalTo("00301"));
        given().get("/v4/insee/sirene/etablissements/30613890001295").then().statusCode(422).body("errors[0].code", equalTo("00302"));
        assertEquals(0, insee.getAllServeEvents().size());
    }
}
