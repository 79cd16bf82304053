package fr.guichet.gateway.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis unreachable: the last known runtime switch stays in force, and the static
 * {@code guichet.gateway.incident.*} settings still cut (either source cuts).
 */
@QuarkusTest
@TestProfile(IncidentsWithoutRedisTest.NoRedis.class)
class IncidentsWithoutRedisTest {

    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1/2",
                    "guichet.gateway.incident.cut-providers", "dgfip",
                    "guichet.gateway.incident.retry-in", "900");
        }
    }

    @Inject
    Incidents incidents;

    @Test
    void theLastKnownStateIsKeptWhileRedisIsAway() {
        // As if the last message had been received before Redis went away.
        incidents.apply(IncidentSwitchTest.state(false, "\"insee\"", 60, "Panne INSEE"));
        incidents.refresh();
        incidents.refresh();
        assertTrue(incidents.isCut("insee"), "kept while Redis cannot be read");
        assertEquals(60, incidents.retryIn("insee").getAsLong());
        given().when().get("/ping/insee").then().statusCode(503).body("reason", equalTo("Panne INSEE"));
    }

    @Test
    void staticSettingsCutWhateverTheRuntimeSwitchSays() {
        incidents.apply(IncidentSwitchTest.state(false, "", 60, "Fin de la panne"));
        assertTrue(incidents.isCut("dgfip"));
        assertEquals(900, incidents.retryIn("dgfip").getAsLong());
        assertFalse(incidents.isCut("insee"));
        given().when().get("/ping/dgfip").then().statusCode(503)
                .body("status", equalTo("maintenance")).body("reason", equalTo(Incidents.STATIC_REASON));
        // Both cut the same provider: the longer delay is announced.
        incidents.apply(IncidentSwitchTest.state(false, "\"dgfip\"", 1800, "Panne DGFIP"));
        assertEquals(1800, incidents.retryIn("dgfip").getAsLong());
        assertEquals("Panne DGFIP", incidents.reason("dgfip").orElseThrow());
    }
}
