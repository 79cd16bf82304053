package fr.guichet.portal.status.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The gateway's pings become the public status: ok → up, maintenance (incident cut, window) → maintenance, else down. */
class StatusServiceTest {

    @Test
    void eachPingBecomesAProviderState() throws Exception {
        String pings = """
                {"insee": {"status": "ok", "last_update": "2026-11-30T09:00:00Z", "last_ok_status": "2026-11-30T09:00:00Z"},
                 "dgfip": {"status": "maintenance", "last_update": "2026-11-30T09:00:00Z", "last_ok_status": null,
                           "reason": "Incident déclaré par l'opérateur."},
                 "acoss": {"status": "bad_gateway", "last_update": "2026-11-30T09:00:00Z", "last_ok_status": null},
                 "social": {"status": "unknown", "last_update": "2026-11-30T09:00:00Z", "last_ok_status": null}}
                """;
        PlatformStatus status = StatusService.of(new ObjectMapper().readTree(pings), "2026-11-30T09:00:01Z");
        assertEquals("degraded", status.status());
        assertEquals("up", find(status, "insee").state());
        assertEquals("maintenance", find(status, "dgfip").state());
        assertEquals("Incident déclaré par l'opérateur.", find(status, "dgfip").reason());
        assertEquals("down", find(status, "acoss").state());
        assertEquals("down", find(status, "social").state());
        assertNull(find(status, "acoss").reason());
        assertEquals("En maintenance", find(status, "dgfip").label());
    }

    @Test
    void allUpIsUp() throws Exception {
        PlatformStatus status = StatusService.of(new ObjectMapper().readTree(
                "{\"insee\": {\"status\": \"ok\"}, \"dgfip\": {\"status\": \"ok\"}}"), "2026-11-30T09:00:01Z");
        assertEquals("up", status.status());
    }

    private static PlatformStatus.Provider find(PlatformStatus status, String key) {
        return status.providers().stream().filter(p -> p.provider().equals(key)).findFirst().orElseThrow();
    }
}
