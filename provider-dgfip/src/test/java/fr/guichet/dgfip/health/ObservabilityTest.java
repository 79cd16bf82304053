package fr.guichet.dgfip.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservabilityTest {

    @Test
    void liveAndReadyAreUpWithRedisChecked() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Redis")));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiIsServed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Guichet provider-dgfip"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v3/dgfip/ensu/{famille}/documents/{type}/{identifiant}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v4/dgfip/unites_legales/{siren}/attestation_fiscale"));
    }

    @Test
    void requestIdIsEchoed() {
        given().header("X-Request-ID", "0193f0aa-test").get("/v3/dgfip/etablissements/13002526500013/chiffres_affaires")
                .then().statusCode(200)
                .header("X-Request-ID", "0193f0aa-test");
    }
}
