package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.testing.metrics.PrometheusScrape;
import fr.guichet.token.trace.TraceOutboxMeters;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * token-service's {@code /q/metrics}: every Guichet meter has its HELP, and the outbox gauges show
 * the admin traces waiting for trace-service (unreachable in these tests, so they pile up).
 */
@QuarkusTest
class MetricsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TraceOutboxMeters outbox;

    @Test
    void theOutboxBacklogIsMeasuredAndEveryMeterHasHelp() throws Throwable {
        Fixtures.issuedToken(Fixtures.adminToken());
        VertxContextSupport.subscribeAndAwait(() -> outbox.measure());

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        PrometheusScrape.assertGuichetMeters(scrape, "token-service",
                "guichet_token_trace_outbox_pending", "guichet_token_trace_outbox_oldest_seconds",
                "guichet_token_revocation_duration_seconds");

        long waiting = count("select count(*) from trace_outbox where delivered_at is null");
        assertTrue(waiting > 0, "the issuance is an admin trace waiting for trace-service");
        assertEquals(waiting, PrometheusScrape.value(scrape, "guichet_token_trace_outbox_pending"));
        long oldestAge = count("select coalesce(extract(epoch from now() - min(created_at))::bigint, 0) "
                + "from trace_outbox where delivered_at is null");
        double age = PrometheusScrape.value(scrape, "guichet_token_trace_outbox_oldest_seconds");
        assertTrue(Math.abs(age - oldestAge) <= 5, "oldest entry age " + age + " s, the database says " + oldestAge);
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
