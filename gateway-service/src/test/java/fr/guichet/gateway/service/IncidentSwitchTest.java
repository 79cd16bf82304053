package fr.guichet.gateway.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime incident switch as token-service publishes it in Redis: applied at once from the
 * {@code guichet:incidents} channel, or from the {@code guichet:incident} key at the next periodic
 * re-read when the message was missed; {@code /ping} and {@code /pings} show the cut and its reason.
 */
@QuarkusTest
@WithTestResource(LocalJwks.class)
class IncidentSwitchTest {

    /** The default re-read period (5 s) plus a margin for a loaded machine. */
    static final Duration REREAD = Duration.ofSeconds(8);

    @Inject
    RedisDataSource redis;
    @Inject
    Incidents incidents;

    static String state(boolean dataPlaneCut, String providers, long retryIn, String reason) {
        return "{\"data_plane_cut\":" + dataPlaneCut + ",\"cut_providers\":[" + providers + "],\"retry_in\":" + retryIn
                + ",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"")
                + ",\"updated_at\":\"2026-01-01T00:00:00Z\",\"updated_by\":\"admin\"}";
    }

    /** What token-service does on PUT /admin/incident: the key, then the message. */
    void publish(String json) {
        redis.value(String.class).set(Incidents.KEY, json);
        redis.pubsub(String.class).publish(Incidents.CHANNEL, json);
    }

    @AfterEach
    void nothingCutAfterwards() throws InterruptedException {
        publish(state(false, "", 300, "Fin du test"));
        await(() -> !incidents.isCut("insee") && !incidents.isCut("acoss"), REREAD);
    }

    static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not applied within " + within.toSeconds() + " s");
            Thread.sleep(50);
        }
    }

    @Test
    void aPublishedCutIsAppliedAtOnceShownByPingAndLifted() throws Exception {
        String reason = "Panne INSEE " + UUID.randomUUID();
        long start = System.nanoTime();
        publish(state(false, "\"insee\"", 600, reason));
        await(() -> incidents.isCut("insee"), Duration.ofSeconds(2));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "applied from the message, not the re-read");
        assertEquals(600, incidents.retryIn("insee").getAsLong());
        assertFalse(incidents.isCut("dgfip"), "only the named provider is cut");

        given().when().get("/ping/insee").then().statusCode(503)
                .body("status", equalTo("maintenance")).body("reason", equalTo(reason));
        // The public name of an upstream leads to the same adapter.
        given().when().get("/ping/insee/sirene").then().statusCode(503).body("reason", equalTo(reason));
        given().when().get("/pings").then().statusCode(502)
                .body("insee.status", equalTo("maintenance")).body("insee.reason", equalTo(reason))
                .body("dgfip.status", org.hamcrest.Matchers.not(equalTo("maintenance")));

        // A data call to the cut provider: 503 with INSEE's 01020, meta.retry_in and Retry-After.
        given().header("Authorization", "Bearer " + LocalJwks.token(List.of("unites_legales_etablissements_insee")))
                .queryParam("context", "Test").queryParam("object", "Incident").queryParam("recipient", "13002526500013")
                .when().get("/v3/insee/sirene/unites_legales/418166096")
                .then().statusCode(503).body("errors[0].code", equalTo("01020"))
                .body("errors[0].meta.retry_in", equalTo(600)).header("Retry-After", "600");

        publish(state(false, "", 300, "Fin de la panne"));
        await(() -> !incidents.isCut("insee"), Duration.ofSeconds(2));
        // No provider runs in this module's tests: back to its real status, unreachable.
        given().when().get("/ping/insee").then().statusCode(502).body("status", equalTo("bad_gateway"))
                .body("reason", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aMissedMessageIsCaughtByThePeriodicReRead() throws Exception {
        // Only the key, as when this replica was disconnected from the channel at the time.
        redis.value(String.class).set(Incidents.KEY, state(true, "", 120, "Incident de sécurité"));
        await(() -> incidents.isCut("acoss") && incidents.isCut("insee"), REREAD);
        assertEquals(120, incidents.retryIn("finance").getAsLong());
        given().when().get("/ping/urssaf").then().statusCode(503).body("reason", equalTo("Incident de sécurité"));
    }

    @Test
    void anUnreadableStateKeepsTheLastKnownOne() throws Exception {
        publish(state(false, "\"acoss\"", 60, "Panne URSSAF"));
        await(() -> incidents.isCut("acoss"), Duration.ofSeconds(2));
        publish("{not json");
        incidents.refresh();
        assertTrue(incidents.isCut("acoss"));
        // A flushed Redis (key gone) does not lift a cut either: token-service republishes it.
        redis.key().del(Incidents.KEY);
        incidents.refresh();
        assertTrue(incidents.isCut("acoss"));
    }
}
