package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.token.retention.RetentionJob;
import fr.guichet.token.time.TimeSource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: retention per API family, with a fixed clock. API Entreprise contacts are erased
 * 18 months (548 days) after the end of use; ENSU subscription data six years (2192 days) after;
 * neither before.
 */
@QuarkusTest
class FamilyRetentionTest {

    @Inject
    RetentionJob retention;

    @Inject
    AgroalDataSource db;

    @Test
    void eachFamilysDataErasedAtItsOwnAgeAndNotBefore() throws Throwable {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String entreprise = Fixtures.createHabilitation(admin, siret, "ret-ent-" + siret + "@example.fr");
        String ensu = SecurityProofTest.ensuHabilitation(admin, siret, "ret-ensu-" + siret + "@example.fr");
        LocalDate today = LocalDate.now(SecurityProofTest.PARIS);
        SecurityProofTest.putProof(admin, ensu, SecurityProofTest.homologation("HOMOL-R", today.minusYears(1), today.plusYears(1)))
                .statusCode(200);
        Instant before = Instant.now();
        Fixtures.postReason(admin, "/admin/habilitations/" + entreprise + "/refuse", "Hors périmètre").statusCode(200);
        Fixtures.postReason(admin, "/admin/habilitations/" + ensu + "/refuse", "Hors périmètre").statusCode(200);
        Instant ended = Instant.now();

        // 547 days after: nothing yet.
        TestClock clock = new TestClock(before.plus(Duration.ofDays(547)));
        QuarkusMock.installMockForType(clock, TimeSource.class);
        run();
        habilitation(admin, entreprise).body("contacts", notNullValue());
        habilitation(admin, ensu).body("contacts", notNullValue());

        // 549 days after: the contacts of both (an ENSU habilitation is an API Entreprise one), not the ENSU data.
        clock.set(ended.plus(Duration.ofDays(549)));
        run();
        habilitation(admin, entreprise).body("contacts", nullValue()).body("contacts_erased_at", notNullValue())
                .body("intitule", equalTo("Aides aux entreprises"));
        habilitation(admin, ensu).body("contacts", nullValue()).body("intitule", equalTo("Instruction des aides (ENSU)"))
                .body("data_erased_at", nullValue());
        assertEquals(1, count("erase_contacts", entreprise));
        assertEquals(1, count("erase_contacts", ensu));

        // Six years less a day: the ENSU subscription data are still kept.
        clock.set(before.plus(Duration.ofDays(2191)));
        run();
        habilitation(admin, ensu).body("intitule", equalTo("Instruction des aides (ENSU)"))
                .body("legal_basis", notNullValue()).body("data_erased_at", nullValue());
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + ensu + "/security_proof").then()
                .body("history.size()", equalTo(1));

        // Six years and a day: erased (proofs too), audited; the API Entreprise habilitation's data have no such rule.
        clock.set(ended.plus(Duration.ofDays(2193)));
        run();
        habilitation(admin, ensu).body("intitule", equalTo(RetentionJob.ERASED)).body("legal_basis", equalTo(RetentionJob.ERASED))
                .body("data_erased_at", notNullValue()).body("security_proof_valid_until", nullValue());
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + ensu + "/security_proof").then()
                .body("history.size()", equalTo(0));
        habilitation(admin, entreprise).body("intitule", equalTo("Aides aux entreprises")).body("data_erased_at", nullValue());
        assertEquals(1, count("erase_habilitation_data", ensu));
        assertEquals(0, count("erase_habilitation_data", entreprise));
        run();
        assertEquals(1, count("erase_habilitation_data", ensu), "erased once");
    }

    private void run() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> retention.run());
    }

    private static io.restassured.response.ValidatableResponse habilitation(String admin, String id) {
        return given().auth().oauth2(admin).when().get("/admin/habilitations/" + id).then().statusCode(200);
    }

    private long count(String action, String target) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from admin_audit_events where action = ? and target_id = ? and actor = 'system:retention'")) {
            ps.setString(1, action);
            ps.setString(2, target);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
