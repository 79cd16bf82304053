package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guessing is slowed down per client address, never by locking the account out: while an attacker's
 * address is throttled, the legitimate owner of the secret, from another address, still gets in.
 * Each test plays the attacker and the owner from two fresh loopback addresses.
 */
@QuarkusTest
@TestProfile(ThrottlingTest.Strict.class)
class ThrottlingTest {

    /** Few free attempts and a long first block, so that a test sees the block. */
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.token.throttle.free-failures", "3",
                    "guichet.token.throttle.magic-link-requests", "3",
                    "guichet.token.throttle.first-delay", "10m",
                    "guichet.token.throttle.mails-per-address", "2");
        }
    }

    @Inject
    MockMailbox mailbox;

    String attacker;
    String owner;

    @BeforeEach
    void twoAddresses() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        attacker = "127.1." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        owner = "127.2." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    @Test
    void oauthWrongSecretsSlowTheAttackerNotTheClient() {
        String admin = Fixtures.adminToken();
        String habilitation = (String) Fixtures.issuedToken(admin).get("habilitation_id");
        Map<String, Object> client = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("habilitation_id", habilitation)).when().post("/admin/oauth-clients")
                .then().statusCode(201).extract().jsonPath().getMap("");
        String clientId = (String) client.get("client_id");
        String secret = (String) client.get("client_secret");

        for (int i = 0; i < 4; i++) {
            Fixtures.from(attacker).auth().preemptive().basic(clientId, "guess-" + i).formParam("grant_type", "client_credentials")
                    .when().post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        }
        // The attacker's address now waits, even with the right secret.
        Fixtures.from(attacker).auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .when().post("/oauth/token").then().statusCode(429).header("Retry-After", notNullValue())
                .body("error", equalTo("temporarily_unavailable"));
        // The real client, elsewhere, is not locked out.
        Fixtures.from(owner).auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .when().post("/oauth/token").then().statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void adminWrongSecretsSlowTheAttackerNotTheOperators() {
        for (int i = 0; i < 4; i++) {
            Fixtures.from(attacker).auth().preemptive().basic("admin", "guess-" + i)
                    .when().post("/auth/admin-tokens").then().statusCode(401);
        }
        Fixtures.from(attacker).auth().preemptive().basic("admin", Fixtures.ADMIN_SECRET)
                .when().post("/auth/admin-tokens").then().statusCode(429).body("errors[0].code", equalTo("00805"))
                .header("Retry-After", notNullValue());
        Fixtures.from(owner).auth().preemptive().basic("admin", Fixtures.ADMIN_SECRET)
                .when().post("/auth/admin-tokens").then().statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void magicLinkRequestsSlowTheAskerNeverLockThePartnerOut() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String victim = "victime-" + siret + "@example.fr";
        Fixtures.validate(admin, Fixtures.createHabilitation(admin, siret, victim));

        for (int i = 0; i < 4; i++) {
            Fixtures.from(attacker).contentType(ContentType.JSON).body(Map.of("email", victim))
                    .when().post("/auth/magic-links").then().statusCode(202);
        }
        Fixtures.from(attacker).contentType(ContentType.JSON).body(Map.of("email", victim))
                .when().post("/auth/magic-links").then().statusCode(429).body("errors[0].code", equalTo("00805"));
        // The mailbox was not flooded: two mails per link lifetime.
        assertEquals(2, mailbox.getMailsSentTo(victim).size());

        // The partner, from their own address, is not refused, and a link in their mailbox opens a session.
        Fixtures.from(owner).contentType(ContentType.JSON).body(Map.of("email", victim))
                .when().post("/auth/magic-links").then().statusCode(202);
        Fixtures.from(owner).contentType(ContentType.JSON).body(Map.of("token", PartnerLogins.lastLink(mailbox.getMailsSentTo(victim))))
                .when().post("/auth/magic-links/session").then().statusCode(200).body("siret", equalTo(siret));
    }
}
