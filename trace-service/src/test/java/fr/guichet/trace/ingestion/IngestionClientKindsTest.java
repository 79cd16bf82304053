package fr.guichet.trace.ingestion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each ingestion client writes only its own kind of event; another kind is refused per event (422). */
@QuarkusTest
class IngestionClientKindsTest {

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource db;

    @Test
    void gatewayWritesApiCallsOnly() throws Exception {
        String jti = UUID.randomUUID().toString();
        Instant at = Instant.now().minusSeconds(30);
        TraceEvent call = TestEvents.apiCall(jti, "13002526500013", "418166096", 200, at);
        TraceEvent forged = TestEvents.adminAction(jti, "13002526500013", at.plusMillis(1));
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json")
                .body(json.writeValueAsString(List.of(call, forged)))
                .when().post("/traces")
                .then().statusCode(422).body("accepted", equalTo(1)).body("errors", hasSize(1))
                .body("errors[0].code", equalTo("00260")).body("errors[0].source.pointer", equalTo("/1/kind"))
                .body("errors[0].meta.index", equalTo(1));
        assertEquals(0, Db.count(db, "select count(*) from trace_event where token_jti = ? and kind = 'ADMIN_ACTION'", jti));
        assertEquals(1, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
    }

    @Test
    void tokenServiceWritesAdminActionsOnly() throws Exception {
        String jti = UUID.randomUUID().toString();
        Instant at = Instant.now().minusSeconds(30);
        TraceEvent action = TestEvents.adminAction(jti, "13002526500013", at);
        TraceEvent forged = TestEvents.apiCall(jti, "13002526500013", "418166096", 200, at.plusMillis(1));
        given().header("Authorization", TestEvents.TOKEN_SERVICE_AUTH).contentType("application/json")
                .body(json.writeValueAsString(List.of(forged, action)))
                .when().post("/traces")
                .then().statusCode(422).body("accepted", equalTo(1)).body("errors", hasSize(1))
                .body("errors[0].source.pointer", equalTo("/0/kind"));
        assertEquals(0, Db.count(db, "select count(*) from trace_event where token_jti = ? and kind = 'API_CALL'", jti));
        assertEquals(1, Db.count(db, "select count(*) from trace_event where token_jti = ?", jti));
    }
}
