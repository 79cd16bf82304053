package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.MockMailbox;
import fr.guichet.token.time.TimeSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acceptance: a partner cannot read or change another organisation's habilitations, tokens or traces. */
@QuarkusTest
class PartnerApiTest {

    @Inject
    MockMailbox mailbox;

    String admin;
    String siretA;
    String emailA;
    Map<String, Object> tokenA;
    Map<String, Object> tokenB;

    @BeforeEach
    void twoOrganisations() {
        admin = Fixtures.adminToken();
        siretA = Fixtures.createOrganisation(admin, Fixtures.siret());
        emailA = "partner-" + siretA + "@example.fr";
        tokenA = Fixtures.validate(admin, Fixtures.createHabilitation(admin, siretA, emailA));
        String siretB = Fixtures.createOrganisation(admin, Fixtures.siret());
        tokenB = Fixtures.validate(admin, Fixtures.createHabilitation(admin, siretB, "other-" + siretB + "@example.fr"));
    }

    @Test
    void magicLinkIsSingleUseAndScopesTheSession() {
        String link = requestLink(emailA);
        // The mail leads to the platform's own login page and support (guichet.token.pages.*).
        List<io.quarkus.mailer.Mail> mails = mailbox.getMailsSentTo(emailA);
        String text = mails.get(mails.size() - 1).getText();
        assertTrue(text.contains("https://partenaires.guichet.test/connexion?jeton=" + link), text);
        assertTrue(text.contains("https://partenaires.guichet.test/aide (support@guichet.test)"), text);
        String session = given().contentType(ContentType.JSON).body(Map.of("token", link))
                .when().post("/auth/magic-links/session")
                .then().statusCode(200).body("siret", equalTo(siretA)).body("token_type", equalTo("Bearer"))
                .extract().path("access_token");
        given().contentType(ContentType.JSON).body(Map.of("token", link))
                .when().post("/auth/magic-links/session").then().statusCode(401).body("errors[0].code", equalTo("00101"));
        given().contentType(ContentType.JSON).body(Map.of("token", "forged"))
                .when().post("/auth/magic-links/session").then().statusCode(401);

        given().auth().oauth2(session).when().get("/me/habilitations").then().statusCode(200)
                .body("data.id", hasItem(tokenA.get("habilitation_id")))
                .body("data.organisation_siret", everyItem(equalTo(siretA)));
        given().auth().oauth2(session).when().get("/me/tokens").then().statusCode(200)
                .body("data.jti", hasItem(tokenA.get("jti"))).body("data.jti", not(hasItem(tokenB.get("jti"))))
                .body("data[0].scopes", equalTo(List.of(Fixtures.SCOPE))).body("data[0].retrievable", equalTo(true));

        // One-time retrieval of its own token, then 410.
        String jtiA = (String) tokenA.get("jti");
        given().auth().oauth2(session).when().post("/me/tokens/" + jtiA + "/retrieve").then().statusCode(200)
                .body("token", equalTo(tokenA.get("token")));
        given().auth().oauth2(session).when().post("/me/tokens/" + jtiA + "/retrieve").then().statusCode(410)
                .body("errors[0].code", equalTo("00803"));
        given().auth().oauth2(admin).queryParam("target_type", "token").queryParam("target_id", jtiA)
                .when().get("/admin/audit-events").then().statusCode(200)
                .body("data.action", hasItem("retrieve_token")).body("data.actor", hasItem("partner:" + emailA));
    }

    @Test
    void aPartnerSeesTheOAuthClientsOfItsDemarchesWithoutTheirSecretAndNoneOfAnotherOrganisation() {
        String habilitationA = (String) tokenA.get("habilitation_id");
        String clientA = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("habilitation_id", habilitationA)).when().post("/admin/oauth-clients")
                .then().statusCode(201).extract().path("client_id");
        String clientB = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("habilitation_id", tokenB.get("habilitation_id"))).when().post("/admin/oauth-clients")
                .then().statusCode(201).extract().path("client_id");
        Fixtures.postReason(admin, "/admin/oauth-clients/" + clientA + "/revoke", "Secret divulgué").statusCode(200);

        String body = given().auth().oauth2(partnerSession(emailA)).when().get("/me/oauth-clients")
                .then().statusCode(200)
                .body("data.client_id", equalTo(List.of(clientA)))
                .body("data[0].habilitation_id", equalTo(habilitationA))
                .body("data[0].status", equalTo("revoked"))
                .body("data[0].revoked_at", notNullValue())
                .extract().asString();
        assertFalse(body.contains("secret") || body.contains(clientB), body);
    }

    @Test
    void anotherOrganisationsThingsAreNotFound() {
        String session = partnerSession(emailA);
        String jtiB = (String) tokenB.get("jti");
        String habilitationB = (String) tokenB.get("habilitation_id");
        given().auth().oauth2(session).when().post("/me/tokens/" + jtiB + "/retrieve").then().statusCode(404);
        given().auth().oauth2(session).when().get("/me/tokens/" + jtiB + "/stats").then().statusCode(404);
        given().auth().oauth2(session).when().get("/me/tokens/" + jtiB + "/last-requests").then().statusCode(404);
        given().auth().oauth2(session).contentType(ContentType.JSON)
                .body(Map.of("technique", Map.of("email", "pirate@example.fr")))
                .when().put("/me/habilitations/" + habilitationB + "/contacts").then().statusCode(404);
        // B's token is intact and still retrievable by B.
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitationB).then().statusCode(200)
                .body("contacts.technique.email", not(equalTo("pirate@example.fr")));
        // Partners never reach the admin API, admins are not partners.
        given().auth().oauth2(session).when().get("/admin/keys").then().statusCode(403);
        given().auth().oauth2(admin).when().get("/me/tokens").then().statusCode(403);
        given().when().get("/me/tokens").then().statusCode(401);
    }

    @Test
    void partnerUpdatesItsContacts() {
        String session = partnerSession(emailA);
        String habilitationA = (String) tokenA.get("habilitation_id");
        given().auth().oauth2(session).contentType(ContentType.JSON)
                .body(Map.of("demandeur", Map.of("email", emailA), "technique", Map.of("email", "nouvelle-tech@example.fr", "phone", "+33 1 02 03 04 05")))
                .when().put("/me/habilitations/" + habilitationA + "/contacts").then().statusCode(200)
                .body("contacts.technique.email", equalTo("nouvelle-tech@example.fr"));
        given().auth().oauth2(session).contentType(ContentType.JSON)
                .body(Map.of("technique", Map.of("email", "pas-une-adresse")))
                .when().put("/me/habilitations/" + habilitationA + "/contacts").then().statusCode(422)
                .body("errors[0].source.parameter", equalTo("contacts.technique.email"));
    }

    @Test
    void tracesOfItsOwnTokenComeFromTraceServiceWithClearErrors() {
        String session = partnerSession(emailA);
        String jtiA = (String) tokenA.get("jti");
        // No trace-service runs inside this module's tests: the client must fail cleanly with 502.
        given().auth().oauth2(session).when().get("/me/tokens/" + jtiA + "/stats").then().statusCode(502)
                .body("errors[0].code", equalTo("00804"));
        given().auth().oauth2(session).queryParam("limit", 10).when().get("/me/tokens/" + jtiA + "/last-requests")
                .then().statusCode(502).body("errors[0].code", equalTo("00804"));
        given().auth().oauth2(session).queryParam("limit", 0).when().get("/me/tokens/" + jtiA + "/last-requests")
                .then().statusCode(422).body("errors[0].source.parameter", equalTo("limit"));
        given().auth().oauth2(session).queryParam("from", "hier").when().get("/me/tokens/" + jtiA + "/stats")
                .then().statusCode(422).body("errors[0].source.parameter", equalTo("from"));
    }

    @Test
    void linksExpireAfterFifteenMinutes() {
        String link = requestLink(emailA);
        QuarkusMock.installMockForType(new TestClock(Instant.now().plus(Duration.ofMinutes(16))), TimeSource.class);
        given().contentType(ContentType.JSON).body(Map.of("token", link))
                .when().post("/auth/magic-links/session").then().statusCode(401);
    }

    @Test
    void unknownAddressGetsTheSameAnswerAndNoMail() {
        String unknown = "inconnu-" + siretA + "@example.fr";
        given().contentType(ContentType.JSON).body(Map.of("email", unknown))
                .when().post("/auth/magic-links").then().statusCode(202);
        assertEquals(0, mailbox.getMailsSentTo(unknown).size());
        given().contentType(ContentType.JSON).body(Map.of("email", "pas une adresse"))
                .when().post("/auth/magic-links").then().statusCode(422);
    }

    private String partnerSession(String email) {
        return PartnerLogins.session(mailbox, email);
    }

    private String requestLink(String email) {
        return PartnerLogins.link(mailbox, email);
    }
}
