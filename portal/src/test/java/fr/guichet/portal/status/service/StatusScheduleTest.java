package fr.guichet.portal.status.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The status page's availability grid and scheduled windows, from fixed trace-service and gateway
 * answers: one cell a day with its text alternative, the month against 99.5 %, the windows, and the
 * same in {@code /statut.json}.
 */
@QuarkusTest
class StatusScheduleTest {

    @Inject
    @Location("statut.html")
    Template page;

    @Inject
    ObjectMapper mapper;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 90 days ending 2026-11-30: INSEE all observed (one low day), DGFIP observed the last day only. */
    static PlatformStatus fixed() throws Exception {
        StringBuilder insee = new StringBuilder();
        StringBuilder dgfip = new StringBuilder();
        LocalDate first = LocalDate.of(2026, 11, 30).minusDays(89);
        for (int i = 0; i < 90; i++) {
            String date = first.plusDays(i).toString();
            String sep = i == 0 ? "" : ",";
            String insAvail = i == 88 ? "0.9861" : "1.0";
            int down = i == 88 ? 20 : 0;
            insee.append(sep).append("""
                    {"date": "%s", "up_minutes": %d, "down_minutes": %d, "maintenance_minutes": 0, "availability": %s}"""
                    .formatted(date, 1440 - down, down, insAvail));
            dgfip.append(sep).append(i == 89
                    ? "{\"date\": \"%s\", \"up_minutes\": 500, \"down_minutes\": 0, \"maintenance_minutes\": 60, \"availability\": 1.0}".formatted(date)
                    : "{\"date\": \"%s\", \"up_minutes\": 0, \"down_minutes\": 0, \"maintenance_minutes\": 0, \"availability\": null}".formatted(date));
        }
        JsonNode availability = JSON.readTree("""
                {"data": [{"provider": "insee", "days": [%s], "month": {"month": "2026-11", "availability": 0.9995}},
                          {"provider": "dgfip", "days": [%s], "month": {"month": "2026-11", "availability": 0.994}}]}
                """.formatted(insee, dgfip));
        JsonNode windows = JSON.readTree("""
                {"data": [{"provider": "dgfip", "windows": ["01:00-02:00"], "zone": "Europe/Paris", "open_now": true}]}
                """);
        return StatusService.of(JSON.readTree("""
                {"insee": {"status": "ok"}, "dgfip": {"status": "maintenance", "reason": "Fenêtre de maintenance du fournisseur."}}
                """), "2026-11-30T00:30:00Z")
                .withSchedule(StatusService.availability(availability), StatusService.maintenanceWindows(windows));
    }

    @Test
    @ActivateRequestContext
    void theGridHasACellADayWithItsTextAndTheMonthAgainstTheCommitment() throws Exception {
        String html = page.data("person", null).data("status", fixed()).render();
        assertEquals(180, count(html, "class=\"availability-day availability-day--"), "90 cells per provider");
        assertTrue(html.contains("<div class=\"fr-table\" id=\"availability\">"), html);
        // the low day, its text alternative in French
        assertTrue(html.contains("class=\"availability-day availability-day--low\" data-date=\"2026-11-29\" data-availability=\"0.9861\""), html);
        assertTrue(html.contains("<span class=\"fr-sr-only\">29/11/2026 : 98,61 %</span>"), html);
        // a day without observation says so, and has no value
        assertTrue(html.contains("data-date=\"2026-11-29\" data-availability=\"\" title=\"29/11/2026 : pas de mesure\""), html);
        assertTrue(html.contains("30/11/2026 : 100,00 %, dont 60 min de maintenance programmée"), html);
        // the months: INSEE above 99.5 %, DGFIP below
        assertTrue(html.contains("class=\"availability-month\" data-month=\"2026-11\" data-availability=\"0.9995\" data-meets-commitment=\"true\""), html);
        assertTrue(html.contains("data-availability=\"0.994\" data-meets-commitment=\"false\""), html);
        assertTrue(html.contains("99,95 %") && html.contains("Sous l'engagement") && html.contains("Engagement tenu"));
        // the legend explains every colour
        assertTrue(html.contains("class=\"availability-legend") && html.contains("pas de mesure</li>"), html);
    }

    @Test
    @ActivateRequestContext
    void theScheduledWindowsAreListedAndTheOpenOneSaysSo() throws Exception {
        String html = page.data("person", null).data("status", fixed()).render();
        assertTrue(html.contains("class=\"maintenance-window\" data-provider=\"dgfip\" data-open-now=\"true\""), html);
        assertTrue(html.contains("chaque jour, 01:00-02:00 (heure de Paris)"), html);
        assertTrue(html.contains("class=\"provider-status\" data-provider=\"dgfip\" data-state=\"maintenance\""), html);
    }

    @Test
    @ActivateRequestContext
    void withoutTraceServiceNorWindowsThePageSaysSo() throws Exception {
        PlatformStatus status = StatusService.of(JSON.readTree("{\"insee\": {\"status\": \"ok\"}}"), "2026-11-30T09:00:00Z");
        String html = page.data("person", null).data("status", status).render();
        assertTrue(html.contains("<p id=\"availability\">L'historique de disponibilité n'est pas disponible"), html);
        assertTrue(html.contains("<p id=\"maintenance-windows\">Aucune interruption programmée"), html);
    }

    @Test
    void theJsonCarriesTheSameAvailabilityAndWindows() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(fixed()));
        JsonNode insee = provider(json.path("availability"), "insee");
        assertEquals(2, json.path("availability").size());
        assertEquals(90, insee.path("days").size());
        assertEquals("2026-11-29", insee.path("days").get(88).path("date").asText());
        assertEquals(0.9861, insee.path("days").get(88).path("availability").asDouble());
        assertEquals(20, insee.path("days").get(88).path("down_minutes").asInt());
        assertEquals(0.995, insee.path("month").path("commitment").asDouble());
        assertTrue(insee.path("month").path("meets_commitment").asBoolean());
        JsonNode dgfip = provider(json.path("availability"), "dgfip");
        assertTrue(dgfip.path("days").get(0).has("availability"));
        assertTrue(dgfip.path("days").get(0).path("availability").isNull(), "a day not observed is null, not absent");
        assertFalse(dgfip.path("month").path("meets_commitment").asBoolean());
        JsonNode window = json.path("maintenance_windows").get(0);
        assertEquals("dgfip", window.path("provider").asText());
        assertEquals("01:00-02:00", window.path("windows").get(0).asText());
        assertEquals("Europe/Paris", window.path("zone").asText());
        assertTrue(window.path("open_now").asBoolean());
    }

    private static JsonNode provider(JsonNode list, String key) {
        for (JsonNode p : list) {
            if (p.path("provider").asText().equals(key)) {
                return p;
            }
        }
        throw new AssertionError("no " + key + " in " + list);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
