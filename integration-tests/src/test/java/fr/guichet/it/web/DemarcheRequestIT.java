package fr.guichet.it.web;

import static fr.guichet.it.web.WebStack.awaitOnReload;
import static fr.guichet.it.web.WebStack.contactOf;
import static fr.guichet.it.web.WebStack.logIn;
import static fr.guichet.it.web.WebStack.portal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import fr.guichet.testing.GuichetStack.IssuedToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A partner asks for a new démarche in a real browser (headless Chromium) and follows it, every
 * Guichet hop real ({@link WebStack}): the form with the scopes grouped by provider, a clear error
 * for a missing field, the request in the operators' queue, its refusal by an operator (admin
 * API) and the reason shown to the partner. Each page visited is checked for console errors and
 * serious accessibility violations, and photographed under {@code target/screenshots/}.
 */
class DemarcheRequestIT {

    static final String INSEE_SCOPE = "unites_legales_etablissements_insee";
    static final String REASON = "Le cadre juridique cité ne couvre pas les attestations fiscales.";

    static GuichetStack stack;
    static Browser browser;
    static IssuedToken existing;

    @BeforeAll
    static void start() {
        stack = WebStack.get();
        browser = Browser.start();
        existing = stack.issueToken(List.of(INSEE_SCOPE), 250);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPartnerAsksForANewDemarcheThenSeesItsRefusalWithTheReason() throws Exception {
        logIn(browser, contactOf(existing));
        browser.await("#requests");
        browser.check("demarches-demandes");
        browser.clickAndAwaitNavigation(browser.await("#new-request-link"));
        assertEquals("/demarches/nouvelle", browser.path());
        browser.await("#request-form");
        browser.check("demande");

        // The catalogue: one fieldset per provider, each scope with what it gives.
        WebElement insee = browser.await("fieldset.provider-scopes[data-provider='insee']");
        assertTrue(insee.getText().contains("INSEE"), insee.getText());
        assertTrue(browser.all("fieldset.provider-scopes[data-provider='dgfip']").size() == 1);
        WebElement inseeScope = insee.findElement(By.cssSelector("input[name=scopes][value='" + INSEE_SCOPE + "']"));
        String label = insee.findElement(By.cssSelector("label[for='" + inseeScope.getAttribute("id") + "']")).getText();
        assertTrue(label.contains("Données unité légale"), "what the scope gives: " + label);

        // First without a legal basis: a clear error on that field, what was typed kept.
        browser.await("#request-intitule").sendKeys("Marchés publics de la commune");
        click(inseeScope);
        click(browser.await("fieldset.provider-scopes[data-provider='dgfip'] input[value='attestation_fiscale_dgfip']"));
        browser.await("#request-volume").sendKeys("300");
        browser.await("#request-recipients").sendKeys("Service de la commande publique");
        browser.await("#request-technique-email").sendKeys("dsi@commune.example.org");
        browser.await("#request-metier-email").sendKeys("achats@commune.example.org");
        click(browser.await("#request-terms"));
        browser.clickAndAwaitNavigation(browser.await("#request-submit"));
        WebElement error = browser.await("#request-legal-basis-error.fr-error-text");
        assertTrue(error.isDisplayed());
        assertTrue(error.getText().contains("cadre juridique"), "a clear message: " + error.getText());
        assertEquals(1, browser.all(".fr-error-text").size(), "only the missing field: "
                + browser.all(".fr-error-text").stream().map(WebElement::getText).toList());
        assertEquals("request-legal-basis-error", browser.await("#request-legal-basis").getAttribute("aria-describedby"));
        assertEquals("Marchés publics de la commune", browser.await("#request-intitule").getAttribute("value"));
        assertTrue(browser.await("input[name=scopes][value='" + INSEE_SCOPE + "']").isSelected(), "ticks kept");
        // The form comes back with its errors as a 4xx, which the browser logs; nothing else may be.
        browser.check("demande-erreur", message -> message.contains(browser.driver().getCurrentUrl())
                && message.matches(".*status of 4\\d\\d.*"));

        // Then complete: sent, and followed on /demarches as submitted.
        browser.await("#request-legal-basis").sendKeys("Code de la commande publique, article L. 2141-2");
        browser.clickAndAwaitNavigation(browser.await("#request-submit"));
        assertEquals("/demarches", browser.path(), () -> "still on « " + browser.driver().getTitle() + " », which says: "
                + browser.all(".fr-error-text, .fr-alert").stream().map(WebElement::getText).toList());
        browser.await("#request-sent");
        WebElement request = browser.await("#requests .habilitation-request");
        assertEquals("submitted", request.getAttribute("data-status"));
        assertTrue(request.getText().contains("Marchés publics de la commune"), request.getText());
        browser.check("demande-envoyee");
        String id = request.getAttribute("data-habilitation-id");

        // In the operators' queue, for the partner's organisation, with what was asked.
        String admin = stack.adminToken();
        JsonNode queued = adminGet(admin, "/admin/habilitations/" + id);
        assertEquals("submitted", queued.path("status").asText());
        assertEquals(existing.siret(), queued.path("organisation_siret").asText());
        assertEquals(contactOf(existing), queued.path("contacts").path("demandeur").path("email").asText());
        assertEquals(300, queued.path("expected_volume_per_day").asInt());
        assertFalse(queued.path("terms_accepted_at").isMissingNode());

        // An operator refuses it; the partner sees « Refusée » with the reason.
        stack.post(admin, "/admin/habilitations/" + id + "/refuse", Map.of("reason", REASON), 200);
        String selector = "#requests .habilitation-request[data-habilitation-id='" + id + "']";
        awaitOnReload(browser, portal("/demarches"), () -> "refused".equals(browser.await(selector).getAttribute("data-status")));
        WebElement refused = browser.await(selector);
        // The DSFR badge shows its label in capitals: compare without case.
        assertTrue(refused.getText().toLowerCase(java.util.Locale.FRENCH).contains("refusée"), refused.getText());
        assertEquals(REASON, refused.findElement(By.cssSelector(".request-reason")).getText());
        browser.check("demande-refusee");
    }

    /** An admin API read on token-service; 200 expected. */
    static JsonNode adminGet(String admin, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.url(Service.TOKEN) + path)).header("Authorization", "Bearer " + admin).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return new ObjectMapper().readTree(r.body());
    }

    /** Ticks a DSFR checkbox: its input is visually replaced by the label, which takes the click. */
    static void click(WebElement checkbox) {
        checkbox.findElement(By.xpath("following-sibling::label")).click();
    }
}
