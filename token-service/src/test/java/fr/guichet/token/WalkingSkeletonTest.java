package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** What the launcher and the integration tests rely on (docs/internal-contracts.md). */
@QuarkusTest
class WalkingSkeletonTest {

    @Inject
    RedisDataSource redis;

    @Test
    void adminCreatesOrganisationHabilitationAndToken() throws Exception {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.siret();

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("siret", siret, "name", "DINUM"))
                .when().post("/admin/organisations")
                .then().statusCode(201).body("id", notNullValue()).body("siret", equalTo(siret)).body("name", equalTo("DINUM"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("siret", siret, "name", "DINUM"))
                .when().post("/admin/organisations")
                .then().statusCode(409).body("errors[0].code", equalTo("00015"));

        String habilitation = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Fixtures.habilitationBody(siret, "jeanne@example.fr"))
                .when().post("/admin/habilitations")
                .then().statusCode(201).body("status", equalTo("submitted")).extract().path("id");

        Map<String, Object> issued = Fixtures.validate(admin, habilitation);
        assertEquals(habilitation, issued.get("habilitation_id"));
        assertEquals(List.of(Fixtures.SCOPE), issued.get("scopes"));
        String jti = (String) issued.get("jti");

        JwtClaims claims = Fixtures.verifyWithJwks((String) issued.get("token"), "JWT");
        assertEquals(habilitation, claims.getSubject());
        assertEquals(jti, claims.getJwtId());
        assertEquals(jti, claims.getStringClaimValue("uid"));
        assertEquals(siret, claims.getStringClaimValue("siret"));
        assertEquals(List.of(Fixtures.SCOPE), claims.getStringListClaimValue("scopes"));
        assertEquals("1.0", claims.getStringClaimValue("version"));
        assertEquals("entreprise", claims.getStringClaimValue("api_kind"));
        assertEquals(((Number) issued.get("exp")).longValue(), claims.getExpirationTime().getValue());
        long iat = claims.getIssuedAt().getValue();
        long eighteenMonths = Instant.ofEpochSecond(iat).atZone(ZoneOffset.UTC).plusMonths(18).toEpochSecond();
        assertTrue(claims.getExpirationTime().getValue() <= eighteenMonths, "exp within 18 months");

        Map<String, String> copy = redis.hash(String.class).hgetall("guichet:token:" + jti);
        assertEquals("active", copy.get("status"));
        assertEquals(Fixtures.SCOPE, copy.get("scopes"));
        assertEquals("0.0.0.0/0", copy.get("allowed_ips"));
        assertEquals("250", copy.get("rate_limit_per_minute"));
        assertEquals(habilitation, copy.get("habilitation_id"));
        assertEquals(siret, copy.get("siret"));
        assertEquals("entreprise", copy.get("api_kind"));
        assertEquals(String.valueOf(claims.getExpirationTime().getValue()), copy.get("exp"));

        Fixtures.internal().when().get("/internal/tokens/" + jti)
                .then().statusCode(200)
                .body("status", equalTo("active"))
                .body("scopes", equalTo(List.of(Fixtures.SCOPE)))
                .body("allowed_ips", equalTo(List.of("0.0.0.0/0")))
                .body("rate_limit_per_minute", equalTo(250))
                .body("siret", equalTo(siret));
    }

    @Test
    void internalLookupOfUnknownTokenIs404() {
        Fixtures.internal().when().get("/internal/tokens/6f1c2a34-0000-4000-8000-000000000000").then().statusCode(404)
                .body("errors[0].code", equalTo("00003"));
        Fixtures.internal().when().get("/internal/tokens/not-a-uuid").then().statusCode(404);
    }

    @Test
    void redisMissIsRefilledFromPostgres() {
        String admin = Fixtures.adminToken();
        String jti = (String) Fixtures.issuedToken(admin).get("jti");
        redis.key().del("guichet:token:" + jti);
        Fixtures.internal().when().get("/internal/tokens/" + jti).then().statusCode(200).body("status", equalTo("active"));
        assertEquals("active", redis.hash(String.class).hget("guichet:token:" + jti, "status"));
    }

    @Test
    void adminApiNeedsAnAdminSession() {
        given().contentType(ContentType.JSON).body(Map.of("siret", Fixtures.siret(), "name", "X"))
                .when().post("/admin/organisations").then().statusCode(401).body("errors[0].code", equalTo("00101"));
        given().auth().preemptive().basic("admin", "wrong").when().post("/auth/admin-tokens")
                .then().statusCode(401).body("errors[0].code", equalTo("00101"));
        given().auth().oauth2("not.a.jwt").contentType(ContentType.JSON).body(Map.of("siret", Fixtures.siret(), "name", "X"))
                .when().post("/admin/organisations").then().statusCode(401);
        // An API token is not a session token, even though we signed it.
        String apiToken = (String) Fixtures.issuedToken(Fixtures.adminToken()).get("token");
        given().auth().oauth2(apiToken).contentType(ContentType.JSON).body(Map.of("siret", Fixtures.siret(), "name", "X"))
                .when().post("/admin/organisations").then().statusCode(401);
    }

    @Test
    void adminSessionShape() {
        given().auth().preemptive().basic("admin", Fixtures.ADMIN_SECRET).when().post("/auth/admin-tokens")
                .then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600));
    }

    @Test
    void adminHandsAnAuditorAReadOnlySession() throws Exception {
        String admin = Fixtures.adminToken();
        String auditor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("auditor", "Cour des comptes", "reason", "Contrôle annuel des accès"))
                .when().post("/admin/auditor-tokens").then().statusCode(201).extract().path("access_token");
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setCompactSerialization(auditor);
        assertEquals("session+jwt", jws.getHeader("typ"));
        assertEquals(List.of("auditor"), JwtClaims.parse(jws.getUnverifiedPayload()).getStringListClaimValue("groups"));
        // read-only: the keys are listed, not rotated
        given().auth().oauth2(auditor).when().get("/admin/keys").then().statusCode(200);
        given().auth().oauth2(auditor).contentType(ContentType.JSON).body(Map.of("reason", "Essai"))
                .when().post("/admin/keys/rotate").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("auditor", "X Y"))
                .when().post("/admin/auditor-tokens").then().statusCode(422);
    }

    @Test
    void jwksServesEs256Keys() {
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kty", hasItem("EC")).body("keys.crv", hasItem("P-256")).body("keys.alg", hasItem("ES256"))
                .body("keys[0].kid", notNullValue()).body("keys[0].d", equalTo(null));
    }

    @Test
    void readinessChecksPostgresAndRedis() {
        String body = given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().asString();
        assertTrue(body.contains("Reactive PostgreSQL connections health check") || body.contains("PostgreSQL"), body);
        assertTrue(body.toLowerCase().contains("redis"), body);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
