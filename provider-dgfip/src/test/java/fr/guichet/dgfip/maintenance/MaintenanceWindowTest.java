package fr.guichet.dgfip.maintenance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import fr.guichet.dgfip.support.OpenApiContract;
import fr.guichet.dgfip.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DGFIP's 01:00–02:00 (Paris) window: 503 03020 with retry_in, health says maintenance. */
@QuarkusTest
class MaintenanceWindowTest {

    private static final String V4 = "/v4/dgfip/unites_legales/418166096/attestation_fiscale";

    @Inject
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void insideTheWindowEveryOperationAnswers503WithRetryIn() {
        clock.set(Instant.parse("2026-11-25T00:30:00Z")); // 01:30 in Paris (UTC+1 in November)
        String body = given().get(V4).then().statusCode(503)
                .header("Retry-After", "1800")
                .body("errors[0].code", equalTo("03020"))
                .body("errors[0].title", equalTo("Maintenance du fournisseur de données"))
                .body("errors[0].meta.retry_in", equalTo(1800))
                .body("errors[0].meta.provider", equalTo("DGFIP - Adélie"))
                .extract().asString();
        OpenApiContract.assertValidError(V4, body);
        given().get("/v3/dgfip/unites_legales/552049447/liens_capitalistiques/2022").then().statusCode(503)
                .body("errors[0].code", equalTo("03020"));
        given().get("/v3/dgfip/etablissements/13002526500001/chiffres_affaires").then().statusCode(503)
                .body("errors[0].code", equalTo("03020"));
    }

    @Test
    void healthSaysMaintenance() {
        clock.set(Instant.parse("2026-07-01T23:59:30Z")); // 01:59:30 in Paris (UTC+2 in July)
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'dgfip-upstream' }.data.maintenance", equalTo(true))
                .body("checks.find { it.name == 'dgfip-upstream' }.data.retry_in", equalTo(30));
    }

    @Test
    void theWindowClosesAtTwo() {
        clock.set(Instant.parse("2026-11-25T01:00:00Z")); // 02:00 in Paris
        given().get(V4).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("dgfip-upstream"))
                .body("checks.find { it.name == 'dgfip-upstream' }.data.maintenance", equalTo(false));
        clock.set(Instant.parse("2026-11-24T23:59:59Z")); // 00:59:59 in Paris
        given().get(V4).then().statusCode(200);
    }
}
