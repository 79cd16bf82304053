package fr.guichet.gateway.maintenance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.provider.MaintenanceWindows;
import fr.guichet.gateway.service.LocalJwks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The public list of scheduled maintenance windows, from the gateway's configuration. */
@QuarkusTest
@WithTestResource(LocalJwks.class)
@TestProfile(MaintenanceWindowsTest.DgfipWindow.class)
class MaintenanceWindowsTest {

    /** DGFIP's window as production has it (the test profile has none, so that calls pass at any hour). */
    public static class DgfipWindow implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("guichet.gateway.providers.dgfip.maintenance-windows", "01:00-02:00");
        }
    }

    @Inject
    MaintenanceWindowsResource resource;

    @Test
    void dgfipsNightlyWindowIsListedInParisTimeWithoutAToken() {
        given().get("/maintenance-windows").then().statusCode(200)
                .contentType("application/json")
                .body("data.find { it.provider == 'dgfip' }.windows", equalTo(java.util.List.of("01:00-02:00")))
                .body("data.find { it.provider == 'dgfip' }.zone", equalTo("Europe/Paris"))
                // providers without a window are not listed
                .body("data.provider", not(hasItem("insee")));
    }

    @Test
    void openNowSaysWhetherTheWindowIsOpenAtThatTime() {
        LocalDate day = LocalDate.of(2026, 11, 30);
        ZonedDateTime inside = day.atTime(LocalTime.of(1, 30)).atZone(MaintenanceWindows.PARIS);
        ZonedDateTime after = day.atTime(LocalTime.of(2, 0)).atZone(MaintenanceWindows.PARIS);
        MaintenanceWindowsResource.ProviderWindows dgfipInside = dgfip(resource.windows(inside));
        assertTrue(dgfipInside.openNow());
        assertEquals("Europe/Paris", dgfipInside.zone());
        assertFalse(dgfip(resource.windows(after)).openNow());
        // the same instant given in UTC: 00:30 UTC is 01:30 in Paris in winter
        assertTrue(dgfip(resource.windows(inside.withZoneSameInstant(java.time.ZoneOffset.UTC))).openNow());
    }

    private static MaintenanceWindowsResource.ProviderWindows dgfip(MaintenanceWindowsResource.Page page) {
        return page.data().stream().filter(p -> p.provider().equals("dgfip")).findFirst().orElseThrow();
    }
}
