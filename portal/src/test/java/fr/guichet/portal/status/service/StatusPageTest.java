package fr.guichet.portal.status.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The public status page and its JSON: one element per provider with its state; the gateway down is "down". */
@QuarkusTest
class StatusPageTest {

    @Inject
    @Location("statut.html")
    Template page;

    @Test
    @ActivateRequestContext
    void aProviderCutByTheIncidentSwitchShowsInMaintenance() throws Exception {
        PlatformStatus status = StatusService.of(new ObjectMapper().readTree("""
                {"insee": {"status": "ok"}, "dgfip": {"status": "maintenance", "reason": "Coupure déclarée par l'opérateur."}}
                """), "2026-11-30T09:00:00Z");
        String html = page.data("person", null).data("status", status).render();
        assertTrue(html.contains("id=\"platform-status\" data-state=\"degraded\""));
        assertTrue(html.contains("class=\"provider-status\" data-provider=\"dgfip\" data-state=\"maintenance\""), html);
        assertTrue(html.contains("class=\"provider-status\" data-provider=\"insee\" data-state=\"up\""));
        assertTrue(html.contains("Coupure déclarée par l") && html.contains("En maintenance"));
    }

    @Test
    @ActivateRequestContext
    void announcedChangesAreListedWithTheirProductionDate() throws Exception {
        PlatformStatus status = StatusService.of(new ObjectMapper().readTree("""
                {"insee": {"status": "ok"}}
                """), "2026-11-30T09:00:00Z").withChanges(StatusService.changes(new ObjectMapper().readTree("""
                {"data": [{"id": "c1", "title": "Nouveau champ dans le quotient familial", "description": "Le champ regime apparaît.",
                           "apis": ["particulier"], "operations": [], "production_date": "2027-06-01", "urgent": false,
                           "announced_at": "2026-11-30T08:00:00Z"}]}
                """)));
        String html = page.data("person", null).data("status", status).render();
        assertTrue(html.contains("class=\"announced-change fr-mb-2w\" data-production-date=\"2027-06-01\""), html);
        assertTrue(html.contains("Nouveau champ dans le quotient familial") && html.contains("API concernées : particulier"), html);
    }

    @Test
    void withoutTheGatewayThePlatformIsDownOnThePageAndInTheJson() {
        // nothing listens at the gateway's address in these tests
        given().get("/statut").then().statusCode(200)
                .body(containsString("id=\"platform-status\" data-state=\"down\""));
        given().get("/statut.json").then().statusCode(503)
                .contentType("application/json")
                .body("status", equalTo("down"))
                // nor token-service: no announced change to show, the page still answers
                .body("changes.size()", equalTo(0));
    }
}
