package fr.guichet.token.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.token.Fixtures;
import fr.guichet.token.incident.service.IncidentService;
import fr.guichet.token.reconcile.ReconciliationJob;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET}/{@code PUT /admin/incident}: stored, audited, copied to Redis's {@code guichet:incident}
 * and published on {@code guichet:incidents}, republished when Redis lost it; bad input is a 422.
 */
@QuarkusTest
class AdminIncidentTest {

    @Inject
    RedisDataSource redis;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper mapper;
    @Inject
    IncidentService incidents;
    @Inject
    ReconciliationJob reconciliation;

    @AfterEach
    void nothingCutAfterwards() {
        put(Fixtures.adminToken(), Map.of("data_plane_cut", false, "cut_providers", List.of(), "reason", "Fin du test"))
                .statusCode(200);
    }

    static ValidatableResponse put(String admin, Object body) {
        return given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON).body(body)
                .when().put("/admin/incident").then();
    }

    @Test
    void aCutIsStoredAuditedWrittenToRedisAndPublished() throws Exception {
        String admin = Fixtures.adminToken();
        String reason = "Panne INSEE " + UUID.randomUUID();
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        PubSubCommands.RedisSubscriber subscriber = redis.pubsub(String.class).subscribe("guichet:incidents", messages::add);
        try {
            put(admin, Map.of("data_plane_cut", false, "cut_providers", List.of("insee", "dgfip", "insee"),
                    "retry_in", 600, "reason", reason))
                    .statusCode(200)
                    .body("data_plane_cut", equalTo(false))
                    .body("cut_providers", equalTo(List.of("insee", "dgfip")))
                    .body("retry_in", equalTo(600))
                    .body("reason", equalTo(reason))
                    .body("updated_at", notNullValue())
                    .body("updated_by", equalTo("admin"));

            String message = messages.poll(5, TimeUnit.SECONDS);
            assertNotNull(message, "a message on guichet:incidents");
            while (!message.contains(reason)) { // a message of another test's PUT may come first
                message = messages.poll(5, TimeUnit.SECONDS);
                assertNotNull(message, "the message of this PUT on guichet:incidents");
            }
            JsonNode published = mapper.readTree(message);
            assertEquals(List.of("insee", "dgfip"), List.of(published.get("cut_providers").get(0).asText(),
                    published.get("cut_providers").get(1).asText()));
            assertEquals(600, published.get("retry_in").asLong());
        } finally {
            subscriber.unsubscribe();
        }
        JsonNode stored = mapper.readTree(redis.value(String.class).get("guichet:incident"));
        assertEquals(reason, stored.get("reason").asText());
        assertEquals("insee", stored.get("cut_providers").get(0).asText());
        assertTrue(!stored.get("data_plane_cut").asBoolean());

        given().header("Authorization", "Bearer " + admin).when().get("/admin/incident").then().statusCode(200)
                .body("cut_providers", equalTo(List.of("insee", "dgfip"))).body("reason", equalTo(reason))
                .body("retry_in", equalTo(600));

        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select a.actor, a.details, o.event from admin_audit_events a join trace_outbox o on o.id = a.id "
                        + "where a.action = 'set_incident_switch' and a.reason = ?")) {
            ps.setString(1, reason);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the change is audited and queued as an admin trace");
                assertEquals("admin", rs.getString("actor"));
                assertTrue(rs.getString("details").contains("insee,dgfip"), rs.getString("details"));
                JsonNode event = mapper.readTree(rs.getString("event"));
                assertEquals("admin_action", event.get("kind").asText());
                assertEquals("set_incident_switch", event.get("action").asText());
            }
        }
    }

    @Test
    void retryInDefaultsToFiveMinutesAndTheDataPlaneCanBeCut() {
        put(Fixtures.adminToken(), Map.of("data_plane_cut", true, "reason", "Incident de sécurité"))
                .statusCode(200).body("data_plane_cut", equalTo(true)).body("cut_providers", equalTo(List.of()))
                .body("retry_in", equalTo(300));
    }

    @Test
    void unknownProviderMissingReasonAndBadDelayAre422InOneAnswer() {
        String admin = Fixtures.adminToken();
        put(admin, Map.of("cut_providers", List.of("insee", "nope"), "retry_in", 0))
                .statusCode(422)
                .body("errors.code", equalTo(List.of("00801", "00801", "00801")))
                .body("errors.source.parameter", hasItem("reason"))
                .body("errors.source.parameter", hasItem("retry_in"))
                .body("errors.source.parameter", hasItem("cut_providers"))
                .body("errors.detail", hasItem(org.hamcrest.Matchers.containsString("« nope »")));
        put(admin, Map.of("cut_providers", List.of("insee"), "reason", "  ")).statusCode(422)
                .body("errors[0].source.parameter", equalTo("reason"));
        given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON)
                .when().put("/admin/incident").then().statusCode(422).body("errors[0].source.parameter", equalTo("reason"));
    }

    @Test
    void onlyAnAdminSeesOrSetsTheSwitch() {
        given().when().get("/admin/incident").then().statusCode(401).body("errors[0].code", equalTo("00101"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().put("/admin/incident")
                .then().statusCode(401);
    }

    @Test
    void aFlushedRedisGetsTheStoredSwitchBack() throws Throwable {
        String reason = "Panne DGFIP " + UUID.randomUUID();
        put(Fixtures.adminToken(), Map.of("cut_providers", List.of("dgfip"), "reason", reason)).statusCode(200);
        redis.key().del("guichet:incident");

        // What start-up does, then the periodic reconciliation.
        VertxContextSupport.subscribeAndAwait(() -> incidents.republish());
        assertTrue(redis.value(String.class).get("guichet:incident").contains(reason));
        redis.key().del("guichet:incident");
        VertxContextSupport.subscribeAndAwait(() -> reconciliation.run());
        assertTrue(redis.value(String.class).get("guichet:incident").contains(reason));
    }
}
