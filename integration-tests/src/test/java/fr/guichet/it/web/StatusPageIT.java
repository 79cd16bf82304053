package fr.guichet.it.web;

import static fr.guichet.it.web.WebStack.awaitOnReload;
import static fr.guichet.it.web.WebStack.portal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The public status page in a real browser, on the shared {@link WebStack}: provider-dgfip runs
 * with its maintenance window open ({@link WebStack#DGFIP_WINDOW}, the gateway configured with the
 * same), trace-service records the providers' availability from the gateway's pings every
 * {@value WebStack#AVAILABILITY_INTERVAL}. Nothing is stood in: the page reads the real gateway and
 * trace-service, and {@code /statut.json} must agree with it.
 */
class StatusPageIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static Browser browser;

    @BeforeAll
    static void start() {
        WebStack.get();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aProviderWhoseWindowIsOpenShowsInMaintenanceAndItsWindowIsListed() throws Exception {
        awaitOnReload(browser, portal("/statut"), () -> "maintenance".equals(
                browser.await(".provider-status[data-provider='dgfip']").getAttribute("data-state")));
        browser.check("statut-maintenance");
        WebElement window = browser.await("#maintenance-windows .maintenance-window[data-provider='dgfip']");
        assertTrue(window.getText().contains(WebStack.DGFIP_WINDOW), window.getText());
        assertEquals("true", window.getAttribute("data-open-now"));
        // the badge's text as written (DSFR shows badges in capitals)
        assertTrue(browser.await(".provider-status[data-provider='dgfip']").getAttribute("textContent").contains("En maintenance"));

        JsonNode status = statusJson();
        assertEquals("maintenance", find(status.path("providers"), "dgfip").path("state").asText(), status.toString());
        JsonNode windows = find(status.path("maintenance_windows"), "dgfip");
        assertEquals(WebStack.DGFIP_WINDOW, windows.path("windows").get(0).asText());
        assertEquals("Europe/Paris", windows.path("zone").asText());
        assertTrue(windows.path("open_now").asBoolean(), status.toString());
    }

    @Test
    void todaysAvailabilityOfInseeShowsOnceTheRecorderHasRun() throws Exception {
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        String cell = ".provider-availability[data-provider='insee'] .availability-day[data-date='" + today + "']";
        awaitOnReload(browser, portal("/statut"), () -> !browser.all(cell).isEmpty()
                && !browser.all(cell).get(0).getAttribute("data-availability").isEmpty());
        browser.check("statut-disponibilite");
        assertEquals(90, browser.all(".provider-availability[data-provider='insee'] .availability-day").size(),
                "one cell a day over 90 days");
        double shown = Double.parseDouble(browser.await(cell).getAttribute("data-availability"));
        assertTrue(shown >= 0 && shown <= 1, "a ratio: " + shown);
        // the cell's text alternative says the date and the percentage
        String label = browser.await(cell + " .fr-sr-only").getAttribute("textContent");
        assertTrue(label.matches("\\d\\d/\\d\\d/\\d{4} : \\d{1,3},\\d\\d %.*"), label);
        WebElement month = browser.await(".provider-availability[data-provider='insee'] .availability-month");
        assertFalse(month.getAttribute("data-availability").isEmpty());

        JsonNode insee = find(statusJson().path("availability"), "insee");
        assertEquals(90, insee.path("days").size());
        JsonNode day = insee.path("days").get(89);
        assertEquals(today, day.path("date").asText());
        assertTrue(day.path("availability").isNumber(), insee.toString());
        assertTrue(day.path("up_minutes").asInt() + day.path("down_minutes").asInt() >= 1, insee.toString());
        assertEquals(0.995, insee.path("month").path("commitment").asDouble());
        // DGFIP, in maintenance all along, is not unavailable for it
        JsonNode dgfip = find(statusJson().path("availability"), "dgfip").path("days").get(89);
        assertEquals(0, dgfip.path("down_minutes").asInt(), dgfip.toString());
    }

    private static JsonNode statusJson() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(portal("/statut.json"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200, response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode find(JsonNode list, String provider) {
        for (JsonNode p : list) {
            if (provider.equals(p.path("provider").asText())) {
                return p;
            }
        }
        throw new AssertionError("no " + provider + " in " + list);
    }
}
