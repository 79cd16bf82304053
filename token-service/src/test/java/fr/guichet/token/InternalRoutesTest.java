package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.common.security.ServiceCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /internal/...} answers only Guichet's services, with a valid service credential. */
@QuarkusTest
class InternalRoutesTest {

    @Test
    void tokenStateNeedsAServiceCredential() {
        String admin = Fixtures.adminToken();
        Map<String, Object> issued = Fixtures.issuedToken(admin);
        String path = "/internal/tokens/" + issued.get("jti");

        given().when().get(path).then().statusCode(401).body("errors[0].code", equalTo("00809"));
        given().header(ServiceCredentials.HEADER, "pas-un-jws").when().get(path).then().statusCode(401);
        // Signed with another secret, meant for another service, or expired: refused.
        given().header(ServiceCredentials.HEADER, new ServiceCredentials("another-installation-secret-of-32-bytes!")
                .credentialFor("gateway", "token-service")).when().get(path).then().statusCode(401);
        given().header(ServiceCredentials.HEADER, new ServiceCredentials(Fixtures.SERVICE_SECRET)
                .credentialFor("gateway", "provider-insee")).when().get(path).then().statusCode(401);
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        given().header(ServiceCredentials.HEADER, new ServiceCredentials(Fixtures.SERVICE_SECRET, past)
                .credentialFor("gateway", "token-service")).when().get(path).then().statusCode(401);
        given().when().get("/internal/tokens/revoked").then().statusCode(401);

        // The gateway's credential opens it; the state carries the habilitation (per-habilitation quotas).
        Fixtures.internal().when().get(path).then().statusCode(200)
                .body("habilitation_id", equalTo(issued.get("habilitation_id"))).body("status", equalTo("active"));
    }

    @Test
    void revokedListHoldsEveryRevokedTokenNotYetExpired() {
        String admin = Fixtures.adminToken();
        Map<String, Object> revoked = Fixtures.issuedToken(admin);
        Map<String, Object> live = Fixtures.issuedToken(admin);
        Fixtures.postReason(admin, "/admin/tokens/" + revoked.get("jti") + "/revoke", "Jeton divulgué").statusCode(200);

        JsonPath body = Fixtures.internal().when().get("/internal/tokens/revoked").then().statusCode(200)
                .body("data.jti", hasItem(revoked.get("jti"))).body("data.jti", not(hasItem(live.get("jti"))))
                .extract().jsonPath();
        List<Map<String, Object>> entries = body.getList("data");
        Map<String, Object> entry = entries.stream().filter(e -> revoked.get("jti").equals(e.get("jti"))).findFirst().orElseThrow();
        assertEquals(((Number) revoked.get("exp")).longValue(), ((Number) entry.get("exp")).longValue());
        for (Map<String, Object> e : entries) {
            long exp = ((Number) e.get("exp")).longValue();
            org.junit.jupiter.api.Assertions.assertTrue(exp > Instant.now().getEpochSecond() - 5, "only unexpired tokens");
        }
    }
}
