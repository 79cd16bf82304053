package fr.guichet.trace.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.ingestion.service.IngestionService;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.SessionTokens;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /admin/traces/{id}}: one stored event for admins and auditors, on record, errors in the API model. */
@QuarkusTest
class TraceLookupTest {

    @Inject
    IngestionService ingestion;

    @Inject
    AgroalDataSource db;

    @Test
    void adminsAndAuditorsReadOneEventByIdAndTheReadIsRecorded() {
        String org = TraceQueriesTest.luhnSiret();
        String jti = UUID.randomUUID().toString();
        // an old month too: the lookup does not depend on a period
        TraceEvent old = TestEvents.apiCall(jti, org, "418166096", 404, Instant.now().minus(200, ChronoUnit.DAYS));
        TraceEvent recent = TestEvents.apiCall(jti, org, "418166096", 200, Instant.now().minusSeconds(30));
        ingestion.store(List.of(old, recent), "gateway");

        given().header("Authorization", SessionTokens.bearer(SessionTokens.auditor()))
                .get("/admin/traces/{id}", old.id().toString())
                .then().statusCode(200)
                .body("data.id", equalTo(old.id().toString()))
                .body("data.status", equalTo(404))
                .body("data.token_jti", equalTo(jti))
                .body("data.partner_siret", equalTo(org));
        given().header("Authorization", SessionTokens.bearer(SessionTokens.admin()))
                .get("/admin/traces/{id}", recent.id().toString().toUpperCase())
                .then().statusCode(200).body("data.id", equalTo(recent.id().toString())).body("data.status", equalTo(200));

        assertEquals(1, Db.count(db, "select count(*) from trace_event where kind = 'ADMIN_ACTION' and action = 'trace_read'"
                + " and actor = 'auditor@guichet.test' and parameters->>'id' = ?", old.id().toString()));
        assertEquals(1, Db.count(db, "select count(*) from trace_event where action = 'trace_read'"
                + " and actor = 'admin@guichet.test' and parameters->>'id' = ?", recent.id().toString()));
    }

    @Test
    void unknownIdIsA404AndABadIdA422NeverA500() {
        String admin = SessionTokens.bearer(SessionTokens.admin());
        String unknown = UUID.randomUUID().toString();
        given().header("Authorization", admin).get("/admin/traces/{id}", unknown)
                .then().statusCode(404)
                .body("errors[0].code", equalTo("00263"))
                .body("errors[0].detail", containsString(unknown));
        for (String bad : List.of("not-a-uuid", "1234", "%27%20or%201=1", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")) {
            given().header("Authorization", admin).urlEncodingEnabled(false).get("/admin/traces/" + bad)
                    .then().statusCode(422)
                    .body("errors[0].code", equalTo("00262"))
                    .body("errors[0].source.parameter", equalTo("id"));
        }
        // the routes beside it keep theirs
        given().header("Authorization", admin).get("/admin/traces/verify").then().statusCode(200).body("ok", not(equalTo(null)));
    }

    @Test
    void partnersAndAnonymousCallersCannotLookUpATrace() {
        String id = UUID.randomUUID().toString();
        given().get("/admin/traces/{id}", id).then().statusCode(401).body("errors[0].code", equalTo("00101"));
        given().header("Authorization", SessionTokens.bearer(SessionTokens.partner(TraceQueriesTest.luhnSiret())))
                .get("/admin/traces/{id}", id).then().statusCode(403).body("errors[0].code", equalTo("00100"));
        given().header("Authorization", TestEvents.GATEWAY_AUTH).get("/admin/traces/{id}", id).then().statusCode(403);
    }
}
