package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.token.proof.service.SecurityProofService;
import fr.guichet.token.proof.service.SuspensionJob;
import fr.guichet.token.time.TimeSource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security proofs (DGFIP ENSU terms, 3.4): recording, partner view, and with a fixed clock the
 * suspension the day after the proof's end, then its lifting when a new proof is recorded.
 */
@QuarkusTest
class SecurityProofTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String ENSU_SCOPE = "ensu_documents_bancaires_dgfip";

    @Inject
    SuspensionJob suspensions;

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    /** An ENSU habilitation (its scope opens the ENSU routes), not yet validated. */
    static String ensuHabilitation(String admin, String siret, String email) {
        Map<String, Object> body = new HashMap<>(Fixtures.habilitationBody(siret, email));
        body.put("scopes", List.of(ENSU_SCOPE, Fixtures.SCOPE));
        body.put("intitule", "Instruction des aides (ENSU)");
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse putProof(String admin, String habilitation, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().put("/admin/habilitations/" + habilitation + "/security_proof").then();
    }

    static Map<String, Object> homologation(String reference, LocalDate date, LocalDate validUntil) {
        return Map.of("kind", "homologation", "reference", reference, "date", date.toString(),
                "valid_until", validUntil.toString());
    }

    @Test
    void recordsAProofAndShowsItsEnd() throws Exception {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String email = "proof-" + siret + "@example.fr";
        String habilitation = ensuHabilitation(admin, siret, email);
        LocalDate today = LocalDate.now(PARIS);

        // A questionnaire holds three years after its date; its end is computed, not chosen.
        putProof(admin, habilitation, Map.of("kind", "questionnaire", "reference", "QS-2025-17",
                "date", today.minusMonths(2).toString()))
                .statusCode(200).body("required", equalTo(true)).body("families", hasItems("ensu", "entreprise"))
                .body("current.kind", equalTo("questionnaire"))
                .body("current.valid_until", equalTo(today.minusMonths(2).plusYears(3).toString()))
                .body("suspended", nullValue());
        putProof(admin, habilitation, homologation("HOMOL-RGS-42", today.minusYears(1), today.plusYears(2)))
                .statusCode(200).body("current.reference", equalTo("HOMOL-RGS-42")).body("history.size()", equalTo(2));
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitation + "/security_proof").then()
                .statusCode(200).body("current.valid_until", equalTo(today.plusYears(2).toString()))
                .body("history[1].kind", equalTo("questionnaire"));
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitation).then()
                .body("security_proof_valid_until", equalTo(today.plusYears(2).toString()));
        assertEquals(2, count("select count(*) from admin_audit_events where action = 'record_security_proof' and target_id = ?",
                habilitation));

        // The partner sees the end of its proof on its démarche.
        Fixtures.validate(admin, habilitation);
        String session = PartnerLogins.session(mailbox, email);
        given().auth().oauth2(session).when().get("/me/habilitations").then().statusCode(200)
                .body("data[0].security_proof_valid_until", equalTo(today.plusYears(2).toString()));
    }

    @Test
    void badProofsAreRefusedNamingTheField() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String habilitation = ensuHabilitation(admin, siret, "bad-" + siret + "@example.fr");
        LocalDate today = LocalDate.now(PARIS);
        putProof(admin, habilitation, Map.of("kind", "attestation", "reference", "X", "date", today.toString()))
                .statusCode(422).body("errors[0].code", equalTo("00801")).body("errors[0].source.parameter", equalTo("kind"));
        putProof(admin, habilitation, Map.of("kind", "homologation", "reference", "X", "date", today.toString()))
                .statusCode(422).body("errors[0].source.parameter", equalTo("valid_until"));
        putProof(admin, habilitation, homologation("X", today, today.minusDays(1)))
                .statusCode(422).body("errors[0].source.parameter", equalTo("valid_until"));
        putProof(admin, habilitation, homologation("", today, today.plusYears(1)))
                .statusCode(422).body("errors[0].source.parameter", equalTo("reference"));
        putProof(admin, habilitation, homologation("X", today.plusDays(3), today.plusYears(1)))
                .statusCode(422).body("errors[0].source.parameter", equalTo("date"));
        putProof(admin, habilitation, Map.of("kind", "questionnaire", "reference", "X", "date", "31/12/2024"))
                .statusCode(422).body("errors[0].source.parameter", equalTo("date"));
        putProof(admin, habilitation, Map.of("kind", "questionnaire", "reference", "X", "date", today.toString(),
                "valid_until", today.plusYears(5).toString()))
                .statusCode(422).body("errors[0].source.parameter", equalTo("valid_until"));
        // No family of a plain API Entreprise habilitation requires a proof.
        String plain = Fixtures.createHabilitation(admin, siret, "plain-" + siret + "@example.fr");
        putProof(admin, plain, homologation("X", today, today.plusYears(1)))
                .statusCode(422).body("errors[0].code", equalTo("00801"));
        putProof(admin, "00000000-0000-0000-0000-000000000000", homologation("X", today, today.plusYears(1)))
                .statusCode(404).body("errors[0].code", equalTo("00003"));
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + plain + "/security_proof").then()
                .statusCode(200).body("required", equalTo(false)).body("current", nullValue());
    }

    /** Acceptance: refused from the day after the proof's end, restored when a new proof is recorded. */
    @Test
    void suspendedTheDayAfterTheEndAndRestoredByANewProof() throws Throwable {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String habilitation = ensuHabilitation(admin, siret, "suspension-" + siret + "@example.fr");
        String jti = (String) Fixtures.validate(admin, habilitation).get("jti");
        LocalDate today = LocalDate.now(PARIS);
        LocalDate end = today.plusDays(40);
        putProof(admin, habilitation, homologation("HOMOL-1", today.minusYears(2), end)).statusCode(200);
        assertEquals("", copy(jti).get("suspended"), "written, empty: not suspended");

        // The last day of validity, late in the evening: still in force.
        TestClock clock = new TestClock(end.atTime(LocalTime.of(23, 30)).atZone(PARIS).toInstant());
        QuarkusMock.installMockForType(clock, TimeSource.class);
        VertxContextSupport.subscribeAndAwait(() -> suspensions.run());
        assertEquals("", copy(jti).get("suspended"));
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitation).then().body("suspended", nullValue());

        // The day after, just after midnight: suspended, every live token's copy says so, audited once.
        clock.set(end.plusDays(1).atTime(LocalTime.of(0, 5)).atZone(PARIS).toInstant());
        VertxContextSupport.subscribeAndAwait(() -> suspensions.run());
        assertEquals("security_proof", copy(jti).get("suspended"));
        Fixtures.internal().when().get("/internal/tokens/" + jti).then().statusCode(200)
                .body("suspended", equalTo("security_proof")).body("status", equalTo("active"));
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitation).then()
                .body("suspended", equalTo("security_proof"));
        VertxContextSupport.subscribeAndAwait(() -> suspensions.run());
        assertEquals(1, count("select count(*) from admin_audit_events where action = 'suspend_habilitation' and target_id = ?",
                habilitation));
        assertEquals(SecurityProofService.ACTOR, actor("suspend_habilitation", habilitation));
        assertEquals(1, count("select count(*) from trace_outbox o join admin_audit_events a on a.id = o.id"
                + " where a.action = 'suspend_habilitation' and a.target_id = ? and o.event like '%token_service_admin_suspend_habilitation%'",
                habilitation), "traced like other admin actions");
        // The reconciliation keeps the suspension: it rewrites the copy from PostgreSQL.
        redis.key().del("guichet:token:" + jti);
        Fixtures.internal().when().get("/internal/tokens/" + jti).then().body("suspended", equalTo("security_proof"));

        // An expired proof recorded again changes nothing; a new one in force lifts the suspension at once.
        putProof(admin, habilitation, homologation("HOMOL-1-bis", today.minusYears(2), end)).statusCode(200)
                .body("suspended", equalTo("security_proof"));
        putProof(admin, habilitation, Map.of("kind", "questionnaire", "reference", "QS-2",
                "date", end.plusDays(1).toString(), "reason", "Questionnaire reçu le jour même"))
                .statusCode(200).body("suspended", nullValue());
        assertEquals("", copy(jti).get("suspended"));
        Fixtures.internal().when().get("/internal/tokens/" + jti).then().body("suspended", nullValue());
        assertEquals(1, count("select count(*) from admin_audit_events where action = 'resume_habilitation' and target_id = ?",
                habilitation));
        VertxContextSupport.subscribeAndAwait(() -> suspensions.run());
        assertEquals("", copy(jti).get("suspended"), "the job leaves a habilitation with a proof in force alone");
    }

    private Map<String, String> copy(String jti) {
        return redis.hash(String.class).hgetall("guichet:token:" + jti);
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String actor(String action, String target) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select actor from admin_audit_events where action = ? and target_id = ?")) {
            ps.setString(1, action);
            ps.setString(2, target);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> actors = new ArrayList<>();
                while (rs.next()) {
                    actors.add(rs.getString(1));
                }
                assertEquals(1, actors.size());
                return actors.get(0);
            }
        }
    }
}
