package fr.guichet.acoss.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The gateway's {@code /pings} read the adapter's readiness: one check per upstream. */
@QuarkusTest
class ReadinessTest {

    @Test
    void readinessReportsEachUpstream() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("URSSAF upstream", "GIP-MDS upstream"));
    }
}
