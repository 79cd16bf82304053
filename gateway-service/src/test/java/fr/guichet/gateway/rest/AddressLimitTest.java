package fr.guichet.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calls without a valid token are limited per client address (API Entreprise: 1,000 per minute per IP). */
@QuarkusTest
@TestProfile(AddressLimitTest.TwoPerMinute.class)
class AddressLimitTest {

    /**
     * Two a minute: the limit gives one call back every 30 s, far more than the calls below take
     * even on a loaded machine (at five a minute, one came back every 12 s, and slow calls got it).
     */
    public static class TwoPerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.gateway.limits.unauthenticated-per-minute", "2");
        }
    }

    @Test
    void beyondTheLimitUnauthenticatedCallsAre429WithRetryAfter() {
        for (int i = 0; i < 2; i++) {
            given().when().get(i % 2 == 0 ? "/v3/" + "a".repeat(100) : "/v3/insee/sirene/unites_legales/418166096")
                    .then().statusCode(i % 2 == 0 ? 404 : 401);
        }
        given().when().get("/v3/insee/sirene/unites_legales/418166096")
                .then().statusCode(429).body("errors[0].code", equalTo("00429")).header("Retry-After", notNullValue());
        given().when().get("/privileges")
                .then().statusCode(429).body("errors[0].code", equalTo("00429")).header("Retry-After", notNullValue());
    }
}
