package fr.guichet.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.token.trace.TraceOutboxShipper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every admin action is recorded (who, what, when, why) and queued as an admin trace for trace-service. */
@QuarkusTest
class AdminAuditTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TraceOutboxShipper shipper;

    @Inject
    ObjectMapper mapper;

    @Test
    void revocationIsAuditedAndQueuedAsAdminTrace() throws Exception {
        String admin = Fixtures.adminToken();
        Map<String, Object> issued = Fixtures.issuedToken(admin);
        String jti = (String) issued.get("jti");
        Fixtures.postReason(admin, "/admin/tokens/" + jti + "/revoke", "Fuite constatée").statusCode(200);

        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select a.actor, a.occurred_at, a.reason, o.event, o.delivered_at from admin_audit_events a "
                        + "join trace_outbox o on o.id = a.id where a.action = 'revoke_token' and a.target_id = ?")) {
            ps.setString(1, jti);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "audit row and outbox row share the event id");
                assertEquals("admin", rs.getString("actor"));
                assertNotNull(rs.getTimestamp("occurred_at"));
                assertEquals("Fuite constatée", rs.getString("reason"));
                assertNull(rs.getTimestamp("delivered_at"));
                JsonNode event = mapper.readTree(rs.getString("event"));
                assertEquals("admin_action", event.get("kind").asText());
                assertEquals("revoke_token", event.get("action").asText());
                assertEquals("admin", event.get("actor").asText());
                assertEquals(jti, event.get("token_jti").asText());
                assertEquals(issued.get("habilitation_id"), event.get("habilitation_id").asText());
                assertEquals(200, event.get("status").asInt());
                assertNotNull(event.get("timestamp"));
            }
        }
    }

    @Test
    void tracesWaitInTheOutboxWhileTraceServiceIsDown() throws Throwable {
        Fixtures.issuedToken(Fixtures.adminToken());
        long deliveredBefore = count("select count(*) from trace_outbox where delivered_at is not null");
        long attemptsBefore = count("select coalesce(sum(attempts), 0) from trace_outbox");

        TraceOutboxShipper.Round round = VertxContextSupport.subscribeAndAwait(() -> shipper.shipOnce());

        assertEquals(0, round.delivered());
        assertTrue(round.pending() > 0);
        assertNotNull(round.error());
        assertEquals(deliveredBefore, count("select count(*) from trace_outbox where delivered_at is not null"),
                "nothing marked delivered without trace-service's answer");
        assertEquals(attemptsBefore + round.pending(), count("select coalesce(sum(attempts), 0) from trace_outbox"));
        assertTrue(count("select count(*) from trace_outbox where delivered_at is null and last_error is not null") > 0);
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
