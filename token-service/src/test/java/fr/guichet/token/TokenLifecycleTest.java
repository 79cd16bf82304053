package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Acceptance: create → validate → token verifies with the JWKS → prolong → revoke. */
@QuarkusTest
class TokenLifecycleTest {

    @Inject
    RedisDataSource redis;

    @Test
    void fullLifecycle() throws Exception {
        String admin = Fixtures.adminToken();
        Map<String, Object> issued = Fixtures.issuedToken(admin);
        String jti = (String) issued.get("jti");
        String habilitation = (String) issued.get("habilitation_id");
        Fixtures.verifyWithJwks((String) issued.get("token"), "JWT");

        // Validation happens once: at most one live token per habilitation.
        Fixtures.postReason(admin, "/admin/habilitations/" + habilitation + "/validate", "encore")
                .statusCode(409).body("errors[0].code", equalTo("00802"));

        // Prolongation: a new token; the old one ends after the overlap (30 days), not at once.
        Map<String, Object> prolonged = Fixtures.postReason(admin, "/admin/tokens/" + jti + "/prolong", "Renouvellement annuel")
                .statusCode(201).extract().jsonPath().getMap("");
        String newJti = (String) prolonged.get("jti");
        assertNotEquals(jti, newJti);
        JwtClaims newClaims = Fixtures.verifyWithJwks((String) prolonged.get("token"), "JWT");
        assertEquals(habilitation, newClaims.getSubject());
        long oldEnd = Long.parseLong(redis.hash(String.class).hget("guichet:token:" + jti, "exp"));
        long inThirtyDays = Instant.now().plusSeconds(30L * 86400).getEpochSecond();
        assertTrue(Math.abs(oldEnd - inThirtyDays) < 120, "old token ends after the overlap: " + oldEnd);
        assertEquals("active", redis.hash(String.class).hget("guichet:token:" + jti, "status"));
        assertEquals("active", redis.hash(String.class).hget("guichet:token:" + newJti, "status"));
        Fixtures.postReason(admin, "/admin/tokens/" + jti + "/prolong", "deux fois").statusCode(409);

        // Revocation: PostgreSQL, Redis copy, pub/sub message.
        try (RevocationListener listener = new RevocationListener(redis)) {
            Fixtures.postReason(admin, "/admin/tokens/" + newJti + "/revoke", "Jeton divulgué sur un dépôt public")
                    .statusCode(200).body("status", equalTo("revoked")).body("revoked_at", notNullValue());
            assertNotNull(listener.awaitMessage(newJti, 5000), "subscriber received the jti");
        }
        assertEquals("revoked", redis.hash(String.class).hget("guichet:token:" + newJti, "status"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("guichet_token_revocation_duration_seconds_count"), "revocation timer exported");
        Fixtures.internal().when().get("/internal/tokens/" + newJti).then().statusCode(200).body("status", equalTo("revoked"));
        Fixtures.postReason(admin, "/admin/tokens/" + newJti + "/revoke", "encore")
                .statusCode(409).body("errors[0].code", equalTo("00802"));
        Fixtures.postReason(admin, "/admin/tokens/" + newJti + "/prolong", "trop tard").statusCode(409);

        // Listing by expiry: the old token (ending within 31 days) is there, the revoked one is not.
        given().auth().oauth2(admin).queryParam("expiring_before", Instant.now().plusSeconds(31L * 86400).toString())
                .when().get("/admin/tokens").then().statusCode(200)
                .body("data.jti", hasItem(jti)).body("data.jti", not(hasItem(newJti)));
    }

    @Test
    void concurrentValidationsIssueOneToken() throws Exception {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String habilitation = Fixtures.createHabilitation(admin, siret, "race-" + siret + "@example.fr");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(admin).contentType(ContentType.JSON)
                        .body(Map.of("reason", "double clic")).when().post("/admin/habilitations/" + habilitation + "/validate")
                        .statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revocationNeedsAReason() {
        String admin = Fixtures.adminToken();
        String jti = (String) Fixtures.issuedToken(admin).get("jti");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .when().post("/admin/tokens/" + jti + "/revoke")
                .then().statusCode(422).body("errors[0].source.parameter", equalTo("reason"));
        assertEquals("active", redis.hash(String.class).hget("guichet:token:" + jti, "status"));
    }

    @Test
    void revokingAHabilitationRevokesItsTokens() throws Exception {
        String admin = Fixtures.adminToken();
        Map<String, Object> issued = Fixtures.issuedToken(admin);
        String jti = (String) issued.get("jti");
        try (RevocationListener listener = new RevocationListener(redis)) {
            Fixtures.postReason(admin, "/admin/habilitations/" + issued.get("habilitation_id") + "/revoke", "Fin de la démarche")
                    .statusCode(200).body("status", equalTo("revoked"));
            assertNotNull(listener.awaitMessage(jti, 5000));
        }
        assertEquals("revoked", redis.hash(String.class).hget("guichet:token:" + jti, "status"));
    }

    @Test
    void habilitationTransitionsOutOfOrderAre409() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String id = Fixtures.createHabilitation(admin, siret, "a@example.fr");
        Fixtures.postReason(admin, "/admin/habilitations/" + id + "/revoke", "non").statusCode(409)
                .body("errors[0].title", equalTo("Transition d'état impossible"));
        Fixtures.postReason(admin, "/admin/habilitations/" + id + "/refuse", "Base légale absente").statusCode(200).body("status", equalTo("refused"));
        Fixtures.postReason(admin, "/admin/habilitations/" + id + "/validate", "x").statusCode(409);

        Map<String, Object> draft = new java.util.HashMap<>(Fixtures.habilitationBody(siret, "b@example.fr"));
        draft.put("status", "draft");
        String draftId = given().auth().oauth2(admin).contentType(ContentType.JSON).body(draft)
                .when().post("/admin/habilitations").then().statusCode(201).body("status", equalTo("draft")).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .when().post("/admin/habilitations/" + draftId + "/validate").then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .when().post("/admin/habilitations/" + draftId + "/submit").then().statusCode(200).body("status", equalTo("submitted"));
        Map<String, Object> issued = Fixtures.validate(admin, draftId);
        assertEquals(List.of(Fixtures.SCOPE), issued.get("scopes"));
    }
}
