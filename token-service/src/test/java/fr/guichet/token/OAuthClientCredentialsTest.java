package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acceptance: OAuth2 client credentials (RFC 6749 §4.4) and its errors. */
@QuarkusTest
class OAuthClientCredentialsTest {

    @Inject
    RedisDataSource redis;

    String admin;
    String habilitation;
    String clientId;
    String clientSecret;

    @BeforeEach
    void client() {
        admin = Fixtures.adminToken();
        habilitation = (String) Fixtures.issuedToken(admin).get("habilitation_id");
        Map<String, Object> client = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("habilitation_id", habilitation, "reason", "Intégration du logiciel métier"))
                .when().post("/admin/oauth-clients")
                .then().statusCode(201).body("client_secret", notNullValue()).extract().jsonPath().getMap("");
        clientId = (String) client.get("client_id");
        clientSecret = (String) client.get("client_secret");
    }

    @Test
    void clientSecretBasicGetsAnAccessToken() throws Exception {
        long before = Instant.now().getEpochSecond();
        String accessToken = given().auth().preemptive().basic(clientId, clientSecret)
                .formParam("grant_type", "client_credentials")
                .when().post("/oauth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600))
                .body("scope", equalTo(Fixtures.SCOPE))
                .extract().path("access_token");
        JwtClaims claims = Fixtures.verifyWithJwks(accessToken, "at+jwt");
        assertEquals(habilitation, claims.getSubject());
        assertEquals(List.of(Fixtures.SCOPE), claims.getStringListClaimValue("scopes"));
        long exp = claims.getExpirationTime().getValue();
        assertTrue(exp >= before + 3600 && exp <= Instant.now().getEpochSecond() + 3600, "exp one hour ahead");
        // The gateway sees access tokens like any other token.
        assertEquals("active", redis.hash(String.class).hget("guichet:token:" + claims.getJwtId(), "status"));
    }

    @Test
    void clientSecretPostWithScopeSubset() throws Exception {
        String accessToken = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", clientSecret).formParam("scope", Fixtures.SCOPE)
                .when().post("/oauth/token")
                .then().statusCode(200).extract().path("access_token");
        assertEquals("at+jwt", new org.jose4j.jws.JsonWebSignature() {{ setCompactSerialization(accessToken); }}.getHeader("typ"));
    }

    @Test
    void rfc6749Errors() {
        given().auth().preemptive().basic(clientId, "wrong-secret").formParam("grant_type", "client_credentials")
                .when().post("/oauth/token").then().statusCode(401).header("WWW-Authenticate", notNullValue())
                .body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("guichet-unknown", clientSecret).formParam("grant_type", "client_credentials")
                .when().post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(clientId, clientSecret).formParam("grant_type", "client_credentials")
                .formParam("scope", "attestations_fiscales")
                .when().post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_scope"));
        given().auth().preemptive().basic(clientId, clientSecret).formParam("grant_type", "password")
                .when().post("/oauth/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().auth().preemptive().basic(clientId, clientSecret).formParam("scope", Fixtures.SCOPE)
                .when().post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .when().post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void issuanceIsBoundedPerHabilitation() {
        // guichet.token.oauth.max-live-access-tokens=3 in %test; the long-lived token does not count.
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(clientId, clientSecret).formParam("grant_type", "client_credentials")
                    .when().post("/oauth/token").then().statusCode(200);
        }
        given().auth().preemptive().basic(clientId, clientSecret).formParam("grant_type", "client_credentials")
                .when().post("/oauth/token").then().statusCode(429).header("Retry-After", notNullValue())
                .body("error", equalTo("temporarily_unavailable")).body("errors[0].code", equalTo("00808"));
        // A second client of the same habilitation shares the bound: it is the habilitation's.
        Map<String, Object> second = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("habilitation_id", habilitation)).when().post("/admin/oauth-clients")
                .then().statusCode(201).extract().jsonPath().getMap("");
        given().auth().preemptive().basic((String) second.get("client_id"), (String) second.get("client_secret"))
                .formParam("grant_type", "client_credentials")
                .when().post("/oauth/token").then().statusCode(429).body("errors[0].code", equalTo("00808"));
    }

    @Test
    void revokingAClientRevokesItsAccessTokensAndLocksItOut() throws Exception {
        String accessToken = given().auth().preemptive().basic(clientId, clientSecret)
                .formParam("grant_type", "client_credentials").when().post("/oauth/token")
                .then().statusCode(200).extract().path("access_token");
        String jti = Fixtures.verifyWithJwks(accessToken, "at+jwt").getJwtId();
        try (RevocationListener listener = new RevocationListener(redis)) {
            Fixtures.postReason(admin, "/admin/oauth-clients/" + clientId + "/revoke", "Secret divulgué").statusCode(200)
                    .body("status", equalTo("revoked"));
            org.junit.jupiter.api.Assertions.assertNotNull(listener.awaitMessage(jti, 5000));
        }
        assertEquals("revoked", redis.hash(String.class).hget("guichet:token:" + jti, "status"));
        given().auth().preemptive().basic(clientId, clientSecret).formParam("grant_type", "client_credentials")
                .when().post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        Fixtures.postReason(admin, "/admin/oauth-clients/" + clientId + "/revoke", "encore").statusCode(409);
        given().auth().oauth2(admin).queryParam("target_type", "oauth_client").queryParam("target_id", clientId)
                .when().get("/admin/audit-events").then().statusCode(200)
                .body("data.action", org.hamcrest.Matchers.hasItems("create_oauth_client", "revoke_oauth_client"))
                .body("data[0].reason", equalTo("Secret divulgué")).body("data[0].actor", equalTo("admin"));
    }

    @Test
    void clientsOnlyForValidatedHabilitations() {
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String submitted = Fixtures.createHabilitation(admin, siret, "c@example.fr");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("habilitation_id", submitted))
                .when().post("/admin/oauth-clients").then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("habilitation_id", "nope"))
                .when().post("/admin/oauth-clients").then().statusCode(422);
    }
}
