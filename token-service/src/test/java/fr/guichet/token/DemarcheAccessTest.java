package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One authorization model for people: a contact acts only on the démarches they are a contact of,
 * within their organisation; a refused, revoked or ended démarche grants nothing.
 */
@QuarkusTest
class DemarcheAccessTest {

    @Inject
    MockMailbox mailbox;

    String admin;
    String siret;
    String contactB1;
    String contactB2;
    Map<String, Object> tokenB1;
    Map<String, Object> tokenB2;

    @BeforeEach
    void oneOrganisationTwoDemarches() {
        admin = Fixtures.adminToken();
        siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        contactB1 = "b1-" + siret + "@example.fr";
        contactB2 = "b2-" + siret + "@example.fr";
        tokenB1 = Fixtures.validate(admin, Fixtures.createHabilitation(admin, siret, contactB1));
        tokenB2 = Fixtures.validate(admin, Fixtures.createHabilitation(admin, siret, contactB2));
    }

    @Test
    void contactOfB2CannotTakeB1sTokenNorReplaceItsContacts() {
        String sessionB2 = session(contactB2);
        String jtiB1 = (String) tokenB1.get("jti");
        String habilitationB1 = (String) tokenB1.get("habilitation_id");

        given().auth().oauth2(sessionB2).when().get("/me/habilitations").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].id", equalTo(tokenB2.get("habilitation_id")));
        given().auth().oauth2(sessionB2).when().get("/me/tokens").then().statusCode(200)
                .body("data.jti", hasItem(tokenB2.get("jti"))).body("data.jti", not(hasItem(jtiB1)));
        given().auth().oauth2(sessionB2).when().post("/me/tokens/" + jtiB1 + "/retrieve").then().statusCode(404)
                .body("errors[0].code", equalTo("00003"));
        given().auth().oauth2(sessionB2).when().get("/me/tokens/" + jtiB1 + "/stats").then().statusCode(404);
        given().auth().oauth2(sessionB2).when().get("/me/tokens/" + jtiB1 + "/last-requests").then().statusCode(404);
        given().auth().oauth2(sessionB2).contentType(ContentType.JSON)
                .body(Map.of("demandeur", Map.of("email", contactB2)))
                .when().put("/me/habilitations/" + habilitationB1 + "/contacts").then().statusCode(404);

        // B1's contacts are unchanged, and B1's own contact still gets its token.
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitationB1).then().statusCode(200)
                .body("contacts.demandeur.email", equalTo(contactB1));
        given().auth().oauth2(session(contactB1)).when().post("/me/tokens/" + jtiB1 + "/retrieve").then().statusCode(200)
                .body("token", equalTo(tokenB1.get("token")));
    }

    @Test
    void contactOfARefusedDemarcheGetsNoLoginAndNoToken() {
        String refusedContact = "refused-" + siret + "@example.fr";
        String refused = Fixtures.createHabilitation(admin, siret, refusedContact);
        Fixtures.postReason(admin, "/admin/habilitations/" + refused + "/refuse", "Base légale absente").statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("email", refusedContact))
                .when().post("/auth/magic-links").then().statusCode(202);
        assertEquals(0, mailbox.getMailsSentTo(refusedContact).size(), "no login link for a refused démarche");
    }

    @Test
    void aDemarcheRefusedAfterLoginGrantsNothingAnyMore() {
        String pendingContact = "pending-" + siret + "@example.fr";
        String pending = Fixtures.createHabilitation(admin, siret, pendingContact);
        String session = session(pendingContact);
        given().auth().oauth2(session).when().get("/me/habilitations").then().statusCode(200)
                .body("data.id", equalTo(List.of(pending)));

        Fixtures.postReason(admin, "/admin/habilitations/" + pending + "/refuse", "Dossier incomplet").statusCode(200);

        given().auth().oauth2(session).when().get("/me/habilitations").then().statusCode(200).body("data", hasSize(0));
        given().auth().oauth2(session).when().get("/me/tokens").then().statusCode(200).body("data", hasSize(0));
        given().auth().oauth2(session).when().post("/me/tokens/" + tokenB1.get("jti") + "/retrieve").then().statusCode(404);
        given().auth().oauth2(session).contentType(ContentType.JSON)
                .body(Map.of("demandeur", Map.of("email", pendingContact)))
                .when().put("/me/habilitations/" + pending + "/contacts").then().statusCode(404);
        // B1's token is still there for its own contact.
        given().auth().oauth2(session(contactB1)).when().get("/me/tokens").then().statusCode(200)
                .body("data[0].retrievable", equalTo(true));
    }

    @Test
    void aRevokedDemarcheGrantsNothingAndItsLinksStopWorking() {
        String link = link(contactB2);
        Fixtures.postReason(admin, "/admin/habilitations/" + tokenB2.get("habilitation_id") + "/revoke", "Fin de la démarche")
                .statusCode(200);
        // The link left before the revocation: exchanging it now opens nothing.
        given().contentType(ContentType.JSON).body(Map.of("token", link))
                .when().post("/auth/magic-links/session").then().statusCode(401);
        int before = mailbox.getMailsSentTo(contactB2).size();
        given().contentType(ContentType.JSON).body(Map.of("email", contactB2))
                .when().post("/auth/magic-links").then().statusCode(202);
        assertEquals(before, mailbox.getMailsSentTo(contactB2).size(), "no new link for a revoked démarche");
    }

    private String session(String email) {
        return PartnerLogins.session(mailbox, email);
    }

    private String link(String email) {
        return PartnerLogins.link(mailbox, email);
    }
}
