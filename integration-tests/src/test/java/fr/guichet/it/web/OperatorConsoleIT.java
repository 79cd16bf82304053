package fr.guichet.it.web;

import static fr.guichet.it.web.WebStack.logIn;
import static fr.guichet.it.web.WebStack.portal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.Service;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operators' console in a real browser, on the shared {@link WebStack}: operators created with
 * the bootstrap admin session (as the launcher does), logging in from the e-mailed link; an admin
 * validates a submitted habilitation, whose partner then reveals its token once; the audit trail
 * names the operator; an auditor sees everything and can act on nothing, even by a forged form.
 * Each page is checked for console errors and serious accessibility violations, and photographed.
 */
class OperatorConsoleIT {

    static final String INSEE_SCOPE = "unites_legales_etablissements_insee";
    static final Pattern CONSOLE_LINK = Pattern.compile("https?://[^\\s]+/console/connexion/lien\\?jeton=[A-Za-z0-9_-]+");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static GuichetStack stack;
    static Browser browser;
    static String bootstrap;
    static String adminEmail;
    static String auditorEmail;

    @BeforeAll
    static void start() {
        stack = WebStack.get();
        browser = Browser.start();
        bootstrap = stack.adminToken();
        String run = UUID.randomUUID().toString().substring(0, 8);
        adminEmail = "instructrice-" + run + "@operateurs.guichet.test";
        auditorEmail = "auditeur-" + run + "@operateurs.guichet.test";
        stack.post(bootstrap, "/admin/operators", Map.of("email", adminEmail, "name", "Inès Instructrice", "role", "admin"), 201);
        stack.post(bootstrap, "/admin/operators", Map.of("email", auditorEmail, "name", "Cour des comptes", "role", "auditor"), 201);
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

    /** A new organisation's habilitation, submitted (as a partner's request lands), with its SIRET. */
    static String[] submittedHabilitation(String intitule) {
        String siret = GuichetStack.uniqueSiret();
        stack.post(bootstrap, "/admin/organisations", Map.of("siret", siret, "name", "Commune de test " + siret), 201);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("organisation_siret", siret);
        h.put("api_kind", "entreprise");
        h.put("intitule", intitule);
        h.put("legal_basis", "Article L. 114-8 du code des relations entre le public et l'administration");
        h.put("scopes", List.of(INSEE_SCOPE));
        h.put("rate_limit_per_minute", 120);
        h.put("allowed_ips", List.of());
        h.put("environment", "sandbox");
        Map<String, Object> contact = Map.of("email", "contact-" + siret + "@example.org", "phone", "0102030405");
        h.put("contacts", Map.of("demandeur", contact, "technique", contact, "metier", contact));
        JsonNode created = stack.post(bootstrap, "/admin/habilitations", h, 201);
        assertEquals("submitted", created.path("status").asText());
        return new String[] {created.path("id").asText(), siret};
    }

    /** Logs in to the console from the mailed link; lands on the queue. */
    static void consoleLogIn(String email, String pagePrefix) {
        int before = (int) stack.mailbox().messages().stream().filter(m -> m.recipients().contains(email)).count();
        browser.visit(pagePrefix + "-connexion", portal("/console/connexion"));
        browser.await("#operator-email").sendKeys(email);
        browser.clickAndAwaitNavigation(browser.await("#operator-login-submit"));
        browser.await("#login-sent");
        browser.check(pagePrefix + "-connexion-envoyee");
        String link = stack.mailbox().awaitLink(email, before, CONSOLE_LINK, WebStack.MAIL_TIMEOUT);
        assertTrue(link.startsWith(portal("/console/connexion/lien")), "the link opens the portal's console: " + link);
        browser.open(link);
        assertEquals("/console", browser.path(), "signed in: " + browser.driver().getPageSource());
    }

    /** POSTs a form as the browser's session would, its CSRF token included, from a plain client. */
    static HttpResponse<String> postAsBrowser(String path, Map<String, String> form) throws Exception {
        String csrf = browser.driver().manage().getCookies().stream().filter(c -> c.getName().equals("guichet_csrf"))
                .findFirst().orElseThrow().getValue();
        StringBuilder body = new StringBuilder("csrf-token=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        form.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal(path)))
                .header("Cookie", browser.cookieHeader())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOperatorValidatesASubmittedHabilitationAndThePartnerRevealsItsTokenOnce() throws Exception {
        String intitule = "Aides communales " + UUID.randomUUID();
        String[] submitted = submittedHabilitation(intitule);
        String id = submitted[0];
        String contact = "contact-" + submitted[1] + "@example.org";

        consoleLogIn(adminEmail, "console");
        WebElement row = browser.await("tr.queued-habilitation[data-habilitation-id='" + id + "']");
        browser.check("console-file");
        assertTrue(row.getText().contains(intitule), row.getText());
        browser.clickAndAwaitNavigation(row.findElement(By.cssSelector("a")));
        assertEquals("/console/habilitations/" + id, browser.path());
        browser.await("#validate-submit");
        browser.check("console-habilitation");
        String fields = browser.await("#review-fields").getText();
        assertTrue(fields.contains(intitule) && fields.contains(INSEE_SCOPE) && fields.contains("Article L. 114-8")
                && fields.contains(submitted[1]), fields);
        assertTrue(browser.await("#review-contacts").getText().contains(contact));

        // A refusal needs its reason: a clear error, tied to its field, and nothing refused.
        browser.clickAndAwaitNavigation(browser.await("#refuse-submit"));
        WebElement error = browser.await("#refuse-reason-error.fr-error-text");
        assertTrue(error.getText().contains("motif"), error.getText());
        assertEquals("refuse-reason-error", browser.await("#refuse-reason").getAttribute("aria-describedby"));
        browser.check("console-refus-sans-motif", m -> m.contains(browser.driver().getCurrentUrl()) && m.contains("status of 422"));

        browser.clickAndAwaitNavigation(browser.await("#validate-submit"));
        browser.await("#action-done");
        browser.check("console-habilitation-validee");
        assertEquals("validated", browser.await(".console-review").getAttribute("data-status"));
        WebElement token = browser.await("#review-tokens tr.console-token[data-status='active']");
        String jti = token.getAttribute("data-jti");
        assertFalse(token.findElements(By.cssSelector(".token-revoke")).isEmpty(), "an admin may revoke");
        WebElement validation = browser.await("#audit-trail tr.audit-event[data-action='validate_habilitation']");
        assertEquals("operator:" + adminEmail, validation.getAttribute("data-actor"));
        assertTrue(validation.getText().contains(adminEmail), validation.getText());

        browser.visit("console-jetons", portal("/console/jetons"));
        browser.await("#expiring-tokens");
        browser.visit("console-cles", portal("/console/cles"));
        browser.await("#keys tr.signing-key");
        browser.await("#rotate-key");

        // The partner now sees the démarche and its token, and reveals it once.
        browser.clearSession();
        logIn(browser, contact);
        browser.open(portal("/demarches/" + id));
        browser.clickAndAwaitNavigation(browser.await("tr.token[data-jti='" + jti + "'] .token-reveal"));
        String value = browser.await("#token-value").getAttribute("value");
        assertTrue(value.split("\\.").length == 3, "a JWT is shown");
        browser.check("console-partenaire-revelation");
        browser.open(portal("/demarches/" + id));
        assertTrue(browser.all("tr.token[data-jti='" + jti + "'] .token-reveal").isEmpty(), "no second reveal offered");
        HttpResponse<String> again = postAsBrowser("/demarches/" + id + "/jetons/" + jti + "/revelation", Map.of());
        assertEquals(410, again.statusCode(), again.body());
        assertTrue(again.body().contains("déjà"), "a clear message: " + again.body());
        assertFalse(again.body().contains(value));
    }

    @Test
    void anAuditorSeesTheQueueWithoutAnyButtonAndAForgedFormIsRefused() throws Exception {
        String[] submitted = submittedHabilitation("Contrôle des aides " + UUID.randomUUID());
        String id = submitted[0];

        consoleLogIn(auditorEmail, "console-auditeur");
        browser.await("tr.queued-habilitation[data-habilitation-id='" + id + "']");
        browser.check("console-auditeur-file");
        browser.open(portal("/console/habilitations/" + id));
        browser.await("#review-fields");
        browser.check("console-auditeur-habilitation");
        assertTrue(browser.all("#validate-submit, #refuse-submit, .token-revoke, .token-prolong").isEmpty(),
                "no action button for an auditor");
        browser.visit("console-auditeur-cles", portal("/console/cles"));
        assertTrue(browser.all("#rotate-key").isEmpty());

        HttpResponse<String> forged = postAsBrowser("/console/habilitations/" + id + "/valider", Map.of("reason", "Forcé"));
        assertEquals(403, forged.statusCode(), forged.body());
        // token-service refuses an auditor's session too
        String auditorSession = auditorSession();
        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(
                        stack.instance(Service.TOKEN).url() + "/admin/habilitations/" + id + "/validate"))
                .header("Authorization", "Bearer " + auditorSession).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Forcé\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, direct.statusCode(), direct.body());
        JsonNode still = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(
                        stack.instance(Service.TOKEN).url() + "/admin/habilitations/" + id))
                .header("Authorization", "Bearer " + bootstrap).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("submitted", still.path("status").asText(), "nothing was decided");
    }

    /** An auditor's session from token-service, through the mailed link, as the portal gets it. */
    static String auditorSession() throws Exception {
        int before = (int) stack.mailbox().messages().stream().filter(m -> m.recipients().contains(auditorEmail)).count();
        String token = stack.instance(Service.TOKEN).url();
        HTTP.send(HttpRequest.newBuilder(URI.create(token + "/auth/operator-links")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + auditorEmail + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String link = stack.mailbox().awaitLink(auditorEmail, before, CONSOLE_LINK, WebStack.MAIL_TIMEOUT);
        String secret = link.substring(link.indexOf("jeton=") + "jeton=".length());
        HttpResponse<String> session = HTTP.send(HttpRequest.newBuilder(URI.create(token + "/auth/operator-links/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jeton\":\"" + secret + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, session.statusCode(), session.body());
        return JSON.readTree(session.body()).path("access_token").asText();
    }
}
