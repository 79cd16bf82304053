package fr.guichet.it.web;

import static fr.guichet.it.web.WebStack.awaitOnReload;
import static fr.guichet.it.web.WebStack.contactOf;
import static fr.guichet.it.web.WebStack.logIn;
import static fr.guichet.it.web.WebStack.portal;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The partner dashboard and the public status page in a real browser (headless Chromium), every
 * Guichet hop real ({@link WebStack}: token-service, trace-service, provider-insee in sandbox mode,
 * the gateway and the portal, with token-service mailing its magic links over SMTP to a GreenMail
 * server). Each page
 * visited is checked for console errors and serious accessibility violations, and photographed
 * under {@code target/screenshots/}.
 */
class PartnerPortalIT {

    static final String INSEE_SCOPE = "unites_legales_etablissements_insee";
    static final String OPERATION = "api_entreprise_v3_insee_unites_legales";
    static final String INSEE_PATH = "/v3/insee/sirene/unites_legales/552049447";
    static final String RECIPIENT = "13002526500013";
    /** The calls organisation A makes through the gateway before the tests: answered, then refused. */
    static final int ANSWERED = 3;
    static final int REFUSED = 1;

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static GuichetStack stack;
    static Browser browser;
    static IssuedToken a;
    static IssuedToken b;
    /** The OAuth2 client of A's démarche. */
    static String clientOfA;

    @BeforeAll
    static void start() {
        stack = WebStack.get();
        browser = Browser.start();
        a = stack.issueToken(List.of(INSEE_SCOPE), 250);
        b = stack.issueToken(List.of(INSEE_SCOPE), 250);
        clientOfA = stack.post(stack.adminToken(), "/admin/oauth-clients", Map.of("habilitation_id", a.habilitationId()), 201)
                .path("client_id").asText();
        for (int i = 0; i < ANSWERED; i++) {
            callInsee(a, true).then().statusCode(200);
        }
        // No recipient: the gateway refuses the call (422 00203), and traces the refusal.
        callInsee(a, false).then().statusCode(422);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void newVisitor() {
        browser.clearSession();
    }

    // --- the scenarios -----------------------------------------------------------------------

    @Test
    void aPartnerLogsInFromTheMailedLinkAndSeesItsDemarches() {
        browser.visit("accueil", portal("/"));
        logIn(browser, contactOf(a));

        assertEquals("/demarches", browser.path());
        WebElement demarche = browser.await(".demarche[data-habilitation-id='" + a.habilitationId() + "']");
        browser.check("demarches");
        assertEquals(1, browser.all(".demarche").size(), "only the démarche this person is a contact of");
        String card = demarche.getText();
        assertTrue(card.contains("Démarche de test") && card.contains(INSEE_SCOPE) && card.contains("250"), card);
        assertTrue(demarche.findElement(By.cssSelector(".demarche-days-left")).getText().matches("\\d+"), card);

        browser.clickAndAwaitNavigation(demarche.findElement(By.cssSelector("a")));
        assertEquals("/demarches/" + a.habilitationId(), browser.path());
        browser.await("tr.token[data-jti='" + a.jti() + "']");
        browser.check("demarche");
        // Its OAuth2 client, by id and state; never a secret.
        assertEquals("active", browser.await("tr.oauth-client[data-client-id='" + clientOfA + "']").getAttribute("data-status"));
        assertFalse(browser.driver().getPageSource().contains("client_secret"));
        assertTrue(browser.await("#demarche-scopes").getText().contains(INSEE_SCOPE));
        assertEquals(contactOf(a), browser.await("#contact-technique-email").getAttribute("value"));
    }

    @Test
    void aContactOfAnotherOrganisationNeverSeesItsDemarcheByLinkOrByUrlEditing() throws Exception {
        logIn(browser, contactOf(b));
        browser.await(".demarche[data-habilitation-id='" + b.habilitationId() + "']");
        assertTrue(browser.all(".demarche[data-habilitation-id='" + a.habilitationId() + "']").isEmpty());

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> pagesOfA = List.of("/demarches/" + a.habilitationId(),
                "/demarches/" + a.habilitationId() + "/statistiques",
                "/demarches/" + a.habilitationId() + "/statistiques?jeton=" + a.jti(),
                "/demarches/" + a.habilitationId() + "/requetes?jeton=" + a.jti(),
                "/demarches/" + a.habilitationId() + "/requetes.csv?jeton=" + a.jti() + "&from=" + today + "&to=" + today,
                // B's own démarche with A's token: the token is not B's either
                "/demarches/" + b.habilitationId() + "/requetes?jeton=" + a.jti(),
                "/demarches/" + b.habilitationId() + "/statistiques?jeton=" + a.jti());
        for (String page : pagesOfA) {
            // What the browser shows, with B's session.
            browser.open(portal(page));
            // the browser logs the document's own 404, and nothing else may be logged
            List<String> console = browser.consoleErrors();
            assertTrue(console.stream().allMatch(m -> m.contains("status of 404")), page + ": " + console);
            String html = browser.driver().getPageSource();
            assertFalse(html.contains(a.jti()) || html.contains(a.siret()) || html.contains(contactOf(a)),
                    page + " shows something of organisation A");
            assertTrue(browser.all("#contacts-form, #stats-table, #requests-table, .demarche-detail").isEmpty(), page);
            // And the answer itself, B's session replayed by a plain client: 404, as a démarche that does not exist.
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(portal(page)))
                    .header("Cookie", browser.cookieHeader()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, answer.statusCode(), page + ": " + answer.body());
            assertFalse(answer.body().contains(a.jti()) || answer.body().contains(a.siret()), page);
        }
        // The page the browser shows for it passes the checks (its own 404 aside).
        browser.open(portal(pagesOfA.get(0)));
        browser.check("introuvable", message -> message.contains(browser.driver().getCurrentUrl())
                && message.contains("status of 404"));
    }

    @Test
    void theStatisticsTableAgreesWithTheCallsMadeThroughTheGateway() throws InterruptedException {
        logIn(browser, contactOf(a));
        String page = portal("/demarches/" + a.habilitationId() + "/statistiques?jeton=" + a.jti());
        // The gateway ships its traces in the background: the page is reloaded until they are all counted.
        awaitOnReload(browser, page, () -> browser.all("#stats-total").size() == 1
                && browser.all("#stats-total").get(0).getText().equals(String.valueOf(ANSWERED + REFUSED)));
        browser.await("#stats-chart");
        browser.check("statistiques");

        long[] byDay = new long[4];
        for (WebElement row : browser.all("#stats-table tbody tr.stats-day")) {
            long[] cells = numbers(row);
            assertEquals(cells[0] + cells[1] + cells[2], cells[3], "a day's total: " + row.getText());
            assertEquals(row.getAttribute("data-total"), String.valueOf(cells[3]));
            for (int i = 0; i < 4; i++) {
                byDay[i] += cells[i];
            }
        }
        assertEquals(List.of((long) ANSWERED, (long) REFUSED, 0L, (long) ANSWERED + REFUSED), List.of(byDay[0], byDay[1], byDay[2], byDay[3]),
                "success, 4xx, 5xx, total over the days");
        WebElement operation = browser.await("#stats-operations-table tr.stats-operation[data-operation='" + OPERATION + "']");
        long[] cells = numbers(operation);
        assertEquals(List.of((long) ANSWERED, (long) REFUSED, 0L, (long) ANSWERED + REFUSED),
                List.of(cells[0], cells[1], cells[2], cells[3]), "per operation");
        // The chart is drawn from the same numbers: its series add up to the table's columns.
        List<Long> series = chartSeriesTotals(browser.await("#stats-chart bar-chart").getAttribute("y"));
        assertEquals(List.of((long) ANSWERED, (long) REFUSED, 0L), series, "the chart's series");
    }

    @Test
    void aRefusedCallIsAmongTheLastRequests() throws InterruptedException {
        logIn(browser, contactOf(a));
        String page = portal("/demarches/" + a.habilitationId() + "/requetes?jeton=" + a.jti());
        awaitOnReload(browser, page, () -> browser.all("#requests-table tr.request").size() == ANSWERED + REFUSED);
        browser.check("requetes");
        List<WebElement> refused = browser.all("#requests-table tr.request[data-status='422']");
        assertEquals(REFUSED, refused.size());
        assertEquals("00203", refused.get(0).getAttribute("data-error-code"));
        assertTrue(refused.get(0).getText().contains("00203"), refused.get(0).getText());
        assertEquals(ANSWERED, browser.all("#requests-table tr.request[data-status='200']").size());
        // newest first: the refusal came last
        assertEquals("422", browser.all("#requests-table tr.request").get(0).getAttribute("data-status"));

        browser.clickAndAwaitNavigation(browser.await("#requests-errors-only"));
        browser.check("requetes-erreurs");
        List<WebElement> errorsOnly = browser.all("#requests-table tr.request");
        assertEquals(REFUSED, errorsOnly.size());
        assertEquals("422", errorsOnly.get(0).getAttribute("data-status"));
    }

    @Test
    void anInvalidContactEmailGetsAClearErrorAndAValidOneIsSaved() {
        IssuedToken c = stack.issueToken(List.of(INSEE_SCOPE), 250);
        logIn(browser, contactOf(c));
        browser.open(portal("/demarches/" + c.habilitationId()));

        WebElement email = browser.await("#contact-technique-email");
        email.clear();
        email.sendKeys("technique.exemple.org");
        browser.clickAndAwaitNavigation(browser.await("#contacts-submit"));
        WebElement error = browser.await("#contact-technique-email-error.fr-error-text");
        assertTrue(error.isDisplayed());
        assertTrue(error.getText().toLowerCase().contains("adresse"), "a clear message: " + error.getText());
        WebElement field = browser.await("#contact-technique-email");
        assertEquals("technique.exemple.org", field.getAttribute("value"), "what was typed is kept");
        assertEquals("contact-technique-email-error", field.getAttribute("aria-describedby"), "the error is tied to its field");
        // The form comes back with its errors as a 4xx, which the browser logs; nothing else may be.
        browser.check("contacts-erreur", message -> message.contains(browser.driver().getCurrentUrl())
                && message.matches(".*status of 4\\d\\d.*"));

        String valid = "technique-" + c.siret() + "@example.org";
        field.clear();
        field.sendKeys(valid);
        browser.clickAndAwaitNavigation(browser.await("#contacts-submit"));
        browser.await("#contacts-saved");
        browser.check("contacts-enregistres");
        browser.open(portal("/demarches/" + c.habilitationId()));
        assertEquals(valid, browser.await("#contact-technique-email").getAttribute("value"), "saved");
    }

    @Test
    void theStatusPageShowsAProviderInMaintenanceWhenTheIncidentSwitchCutsIt() throws Exception {
        String admin = stack.adminToken();
        try {
            incident(admin, List.of("insee"), "Maintenance programmée du répertoire Sirene");
            awaitOnReload(browser, portal("/statut"), () -> "maintenance".equals(
                    browser.await(".provider-status[data-provider='insee']").getAttribute("data-state")));
            browser.await("#platform-status");
            browser.check("statut");
            assertTrue(browser.await(".provider-status[data-provider='insee']").getText()
                    .contains("Maintenance programmée du répertoire Sirene"));

            HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(URI.create(portal("/statut.json"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, json.statusCode());
            JsonNode insee = null;
            for (JsonNode p : JSON.readTree(json.body()).path("providers")) {
                if ("insee".equals(p.path("provider").asText())) {
                    insee = p;
                }
            }
            assertTrue(insee != null && "maintenance".equals(insee.path("state").asText()), json.body());
        } finally {
            incident(admin, List.of(), "Fin de la maintenance");
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /** The numbers of a table row's data cells, in order. */
    static long[] numbers(WebElement row) {
        return row.findElements(By.cssSelector("td")).stream()
                .mapToLong(td -> Long.parseLong(td.getText().replaceAll("[\\s\\u202f\\u00a0]", ""))).toArray();
    }

    /** The total of each series of the chart's {@code y} attribute (one array of values per series). */
    static List<Long> chartSeriesTotals(String y) {
        List<Long> totals = new ArrayList<>();
        try {
            for (JsonNode series : JSON.readTree(y)) {
                long sum = 0;
                for (JsonNode v : series) {
                    sum += v.asLong();
                }
                totals.add(sum);
            }
        } catch (IOException e) {
            throw new AssertionError("Unreadable chart data: " + y, e);
        }
        return totals;
    }

    static io.restassured.response.Response callInsee(IssuedToken token, boolean withRecipient) {
        var request = given().baseUri(stack.url(Service.GATEWAY))
                .header("Authorization", "Bearer " + token.token())
                .queryParam("context", "Contrôle des aides publiques")
                .queryParam("object", "Dossier 2026-001");
        if (withRecipient) {
            request.queryParam("recipient", RECIPIENT);
        }
        return request.when().get(INSEE_PATH);
    }

    static void incident(String admin, List<String> cutProviders, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data_plane_cut", false);
        body.put("cut_providers", cutProviders);
        body.put("reason", reason);
        given().baseUri(stack.url(Service.TOKEN)).auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().put("/admin/incident")
                .then().statusCode(200);
    }
}
