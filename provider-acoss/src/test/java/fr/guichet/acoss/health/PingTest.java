package fr.guichet.acoss.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PingTest {

    @Test
    void sandboxUpstreamsAreOk() {
        given().get("/ping/urssaf").then().statusCode(200)
                .body("status", equalTo("ok"))
                .body("last_update", notNullValue())
                .body("last_ok_status", notNullValue());
        given().get("/ping/gip_mds/effectifs").then().statusCode(200).body("status", equalTo("ok"));
        given().get("/ping/urssaf/attestation_vigilance").then().statusCode(200).body("status", equalTo("ok"));
    }

    @Test
    void unknownUpstreamIs404() {
        given().get("/ping/insee").then().statusCode(404);
    }

    @Test
    void readinessReportsEachUpstream() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("URSSAF upstream", "GIP-MDS upstream"));
    }
}
