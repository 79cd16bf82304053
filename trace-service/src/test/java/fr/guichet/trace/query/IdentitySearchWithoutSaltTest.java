package fr.guichet.trace.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.guichet.trace.support.SessionTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An installation that has not given trace-service the trace salt cannot search by identity, and says why. */
@QuarkusTest
@TestProfile(IdentitySearchWithoutSaltTest.NoSalt.class)
class IdentitySearchWithoutSaltTest {

    public static class NoSalt implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.trace.salt", "");
        }
    }

    @Test
    void theSearchIs503WithTheSettingToGive() {
        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor())).contentType(ContentType.JSON)
                .body(Map.of("parameters", Map.of("nomNaissance", "DUPONT")))
                .post("/admin/traces/identity-search")
                .then().statusCode(503).body("errors[0].code", equalTo("00264"))
                .body("errors[0].detail", containsString("guichet.trace.salt"));
    }
}
