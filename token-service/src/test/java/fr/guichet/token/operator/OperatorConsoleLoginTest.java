package fr.guichet.token.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.token.Fixtures;
import fr.guichet.token.PartnerLogins;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Named console operators: created by an admin with the bootstrap session, logged in by e-mailed
 * link, their admin actions audited under {@code operator:<email>}, auditors read-only, and a
 * deactivated operator locked out at once, live session included.
 */
@QuarkusTest
class OperatorConsoleLoginTest {

    @Inject
    MockMailbox mailbox;

    static String newEmail(String role) {
        return role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@operateurs.guichet.test";
    }

    static String createOperator(String admin, String email, String role) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(Locale.ROOT), "name", "Camille Opératrice", "role", role))
                .when().post("/admin/operators").then().statusCode(201)
                .body("email", equalTo(email)).body("role", equalTo(role)).body("active", equalTo(true))
                .extract().path("id");
    }

    /** Asks a console link for {@code email} and returns its secret, read in the mail. */
    String link(String email) {
        int before = mailbox.getMailsSentTo(email).size();
        given().contentType(ContentType.JSON).body(Map.of("email", email))
                .when().post("/auth/operator-links").then().statusCode(202);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(before + 1, mails.size(), "one console link mailed");
        assertTrue(mails.get(mails.size() - 1).getText().contains("https://partenaires.guichet.test/console/connexion/lien?jeton="),
                "the link opens the configured console page: " + mails.get(mails.size() - 1).getText());
        return PartnerLogins.lastLink(mails);
    }

    static String session(String secret) {
        return given().contentType(ContentType.JSON).body(Map.of("jeton", secret))
                .when().post("/auth/operator-links/session").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600))
                .extract().path("access_token");
    }

    @Test
    void anAdminOperatorLogsInByLinkAndItsActionsAreAuditedUnderItsEmail() throws Exception {
        String bootstrap = Fixtures.adminToken();
        String email = newEmail("admin");
        String id = createOperator(bootstrap, email, "admin");
        given().auth().oauth2(bootstrap).when().get("/admin/operators").then().statusCode(200)
                .body("data.email", hasItem(email));
        given().auth().oauth2(bootstrap).when().get("/admin/audit-events?target_type=operator&target_id=" + id)
                .then().statusCode(200).body("data[0].action", equalTo("create_operator")).body("data[0].actor", equalTo("admin"));

        String secret = link(email);
        String operator = session(secret);
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setCompactSerialization(operator);
        assertEquals("session+jwt", jws.getHeader("typ"));
        JwtClaims claims = JwtClaims.parse(jws.getUnverifiedPayload());
        assertEquals("operator:" + email, claims.getSubject());
        assertEquals(List.of("admin"), claims.getStringListClaimValue("groups"));
        // single use
        given().contentType(ContentType.JSON).body(Map.of("jeton", secret))
                .when().post("/auth/operator-links/session").then().statusCode(401);

        String siret = Fixtures.createOrganisation(operator, Fixtures.siret());
        String habilitation = Fixtures.createHabilitation(operator, siret, "demandeur-" + siret + "@example.fr");
        Fixtures.validate(operator, habilitation);
        given().auth().oauth2(operator).when().get("/admin/audit-events?target_type=habilitation&target_id=" + habilitation)
                .then().statusCode(200).body("data.actor", hasItem("operator:" + email))
                .body("data.action", hasItem("validate_habilitation"));
    }

    @Test
    void anAuditorOperatorReadsEverythingAndChangesNothing() {
        String bootstrap = Fixtures.adminToken();
        String email = newEmail("auditor");
        createOperator(bootstrap, email, "auditor");
        String auditor = session(link(email));
        String siret = Fixtures.createOrganisation(bootstrap, Fixtures.siret());
        String habilitation = Fixtures.createHabilitation(bootstrap, siret, "demandeur-" + siret + "@example.fr");

        given().auth().oauth2(auditor).when().get("/admin/habilitations?status=draft").then().statusCode(200);
        given().auth().oauth2(auditor).when().get("/admin/habilitations/" + habilitation).then().statusCode(200);
        given().auth().oauth2(auditor).when().get("/admin/tokens").then().statusCode(200);
        given().auth().oauth2(auditor).when().get("/admin/keys").then().statusCode(200);
        Fixtures.postReason(auditor, "/admin/habilitations/" + habilitation + "/validate", "Dossier complet")
                .statusCode(403).body("errors[0].code", equalTo("00100"));
        Fixtures.postReason(auditor, "/admin/keys/rotate", "Rotation").statusCode(403);
        given().auth().oauth2(auditor).contentType(ContentType.JSON)
                .body(Map.of("email", newEmail("x"), "name", "Intrus", "role", "admin"))
                .when().post("/admin/operators").then().statusCode(403);
    }

    @Test
    void aDeactivatedOperatorCanNoLongerLogInAndItsLiveSessionIsRefused() {
        String bootstrap = Fixtures.adminToken();
        String email = newEmail("admin");
        String id = createOperator(bootstrap, email, "admin");
        String live = session(link(email));
        String unused = link(email);
        given().auth().oauth2(live).when().get("/admin/habilitations").then().statusCode(200);

        given().auth().oauth2(bootstrap).when().post("/admin/operators/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        given().auth().oauth2(bootstrap).when().get("/admin/audit-events?target_type=operator&target_id=" + id)
                .then().statusCode(200).body("data[0].action", equalTo("deactivate_operator"));

        given().auth().oauth2(live).when().get("/admin/habilitations").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("jeton", unused))
                .when().post("/auth/operator-links/session").then().statusCode(401);
        int before = mailbox.getMailsSentTo(email).size();
        given().contentType(ContentType.JSON).body(Map.of("email", email))
                .when().post("/auth/operator-links").then().statusCode(202);
        assertEquals(before, mailbox.getMailsSentTo(email).size(), "no link for a deactivated operator");
    }

    @Test
    void badOperatorsAreRefusedFieldByFieldAndUnknownAddressesGetTheSameAnswer() {
        String bootstrap = Fixtures.adminToken();
        String email = newEmail("admin");
        createOperator(bootstrap, email, "admin");
        given().auth().oauth2(bootstrap).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Doublon", "role", "admin"))
                .when().post("/admin/operators").then().statusCode(409);
        given().auth().oauth2(bootstrap).contentType(ContentType.JSON)
                .body(Map.of("email", newEmail("y"), "name", "Rôle inconnu", "role", "superadmin"))
                .when().post("/admin/operators").then().statusCode(422).body("errors[0].source.parameter", equalTo("role"));
        given().auth().oauth2(bootstrap).contentType(ContentType.JSON)
                .body(Map.of("email", "pas-une-adresse", "name", "Nom", "role", "admin"))
                .when().post("/admin/operators").then().statusCode(422).body("errors[0].source.parameter", equalTo("email"));
        given().auth().oauth2(bootstrap).when().post("/admin/operators/" + UUID.randomUUID() + "/deactivate").then().statusCode(404);
        given().when().get("/admin/operators").then().statusCode(401);

        String stranger = newEmail("inconnu");
        given().contentType(ContentType.JSON).body(Map.of("email", stranger))
                .when().post("/auth/operator-links").then().statusCode(202);
        assertTrue(mailbox.getMailsSentTo(stranger).isEmpty(), "nothing mailed to an unknown address");
        given().contentType(ContentType.JSON).body(Map.of("jeton", "inconnu"))
                .when().post("/auth/operator-links/session").then().statusCode(401);
    }
}
