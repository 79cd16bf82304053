package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.token.reconcile.ReconciliationJob;
import fr.guichet.token.retention.RetentionJob;
import fr.guichet.token.time.TimeSource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetentionAndReconciliationTest {

    @Inject
    RetentionJob retention;

    @Inject
    ReconciliationJob reconciliation;

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    @Test
    void contactsOfHabilitationsEndedOver18MonthsAgoAreErasedAndAudited() throws Throwable {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String refused = Fixtures.createHabilitation(admin, siret, "refused-" + siret + "@example.fr");
        Fixtures.postReason(admin, "/admin/habilitations/" + refused + "/refuse", "Hors périmètre").statusCode(200);
        String live = (String) Fixtures.validate(admin, Fixtures.createHabilitation(admin, siret, "live-" + siret + "@example.fr"))
                .get("habilitation_id");

        // Seventeen months later: too early for anyone.
        TestClock clock = new TestClock(Instant.now().atZone(ZoneOffset.UTC).plusMonths(17).toInstant());
        QuarkusMock.installMockForType(clock, TimeSource.class);
        VertxContextSupport.subscribeAndAwait(() -> retention.run());
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + refused).then().body("contacts", notNullValue());

        // Nineteen months later: the refused one ended more than 18 months ago; the validated one's token ended one month ago.
        clock.set(Instant.now().atZone(ZoneOffset.UTC).plusMonths(19).toInstant());
        RetentionJob.Report report = VertxContextSupport.subscribeAndAwait(() -> retention.run());
        assertTrue(report.contactsErased() >= 1);
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + refused).then().statusCode(200)
                .body("contacts", nullValue()).body("contacts_erased_at", notNullValue()).body("intitule", equalTo("Aides aux entreprises"));
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + live).then().body("contacts.demandeur.email",
                equalTo("live-" + siret + "@example.fr"));
        assertEquals("system:retention", auditActor("erase_contacts", refused));
    }

    @Test
    void reconciliationRewritesALostRedisCopy() throws Throwable {
        String jti = (String) Fixtures.issuedToken(Fixtures.adminToken()).get("jti");
        redis.key().del("guichet:token:" + jti);
        Integer rewritten = VertxContextSupport.subscribeAndAwait(() -> reconciliation.run());
        assertTrue(rewritten >= 1);
        Map<String, String> copy = redis.hash(String.class).hgetall("guichet:token:" + jti);
        assertEquals("active", copy.get("status"));
        assertEquals(Fixtures.SCOPE, copy.get("scopes"));
        assertTrue(redis.key().ttl("guichet:token:" + jti) > 0, "the copy expires after the token");
    }

    private String auditActor(String action, String target) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select actor from admin_audit_events where action = ? and target_id = ?")) {
            ps.setString(1, action);
            ps.setString(2, target);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
