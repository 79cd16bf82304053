package fr.guichet.portal.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.portal.console.session.ConsoleCookies;
import fr.guichet.portal.console.session.OperatorSession;
import fr.guichet.portal.csrf.Csrf;
import fr.guichet.portal.session.PartnerSession;
import fr.guichet.portal.session.SessionCookies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operators' console without token-service (unreachable in these tests): its pages need the
 * console's own session, its cookie's flags, the CSRF check of every form, an auditor's actions
 * refused by the portal itself, and token-service's absence shown as a page, never a 500.
 */
@QuarkusTest
class ConsolePagesTest {

    static final String HABILITATION = "0b8f5a34-1111-4a4a-9c9c-123456789abc";
    static final String JTI = "7d1c2b3a-2222-4b4b-8d8d-abcdefabcdef";

    @Inject
    ConsoleCookies consoleCookies;

    @Inject
    SessionCookies partnerCookies;

    /** The CSRF cookie and the field of the console's login form. */
    record Pair(String cookie, String field) {
    }

    static Pair csrf() {
        Response page = given().get("/console/connexion");
        String html = page.asString();
        int at = html.indexOf("name=\"csrf-token\" value=\"");
        assertTrue(at > 0, "the console login form carries a CSRF field");
        int start = at + "name=\"csrf-token\" value=\"".length();
        return new Pair(page.getCookie(Csrf.COOKIE), html.substring(start, html.indexOf('"', start)));
    }

    String session(String role) {
        return consoleCookies.cookie(new OperatorSession("header.payload.signature", role + "@operateurs.gouv.fr", role,
                Instant.now().getEpochSecond() + 600)).getValue();
    }

    @Test
    void everyConsolePageWithoutAnOperatorSessionGoesToTheConsoleLogin() {
        String partner = partnerCookies.cookie(new PartnerSession("h.p.s", "tech@mairie.fr", "21750001600019",
                Instant.now().getEpochSecond() + 600)).getValue();
        for (String path : List.of("/console", "/console/habilitations/" + HABILITATION, "/console/jetons", "/console/cles")) {
            given().redirects().follow(false).get(path).then().statusCode(303)
                    .header("Location", containsString("/console/connexion"));
            // a partner session opens no console page, whichever cookie carries it
            given().redirects().follow(false).cookie("guichet_session", partner).get(path).then().statusCode(303);
            given().redirects().follow(false).cookie(ConsoleCookies.NAME, partner).get(path).then().statusCode(303)
                    .header("Location", containsString("/console/connexion"));
        }
    }

    @Test
    void theLoginPageAsksForAnEmailAndHoldsNoSecret() {
        String html = given().get("/console/connexion").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("id=\"operator-email\"")).body(containsString("id=\"operator-login-submit\""))
                .extract().asString();
        assertTrue(!html.toLowerCase().contains("bootstrap") && !html.contains("Basic "), "no bootstrap secret in the page");
    }

    @Test
    void theConsoleCookieIsItsOwnHttpOnlySecureLaxAndOnlySentToTheConsole() {
        NewCookie cookie = consoleCookies.cookie(new OperatorSession("h.p.s", "a@b.fr", "admin", Instant.now().getEpochSecond() + 600));
        assertEquals("guichet_console", cookie.getName());
        assertEquals("/console", cookie.getPath());
        assertTrue(cookie.isHttpOnly() && cookie.isSecure());
        assertEquals(NewCookie.SameSite.LAX, cookie.getSameSite());
        assertTrue(cookie.getMaxAge() > 0 && cookie.getMaxAge() <= 600);
        assertEquals(0, consoleCookies.erased().getMaxAge());
        // the sealed value is neither readable nor a partner session
        assertTrue(!cookie.getValue().contains("h.p.s"));
        assertTrue(partnerCookies.open(cookie.getValue()).isEmpty());
    }

    @Test
    void everyConsoleFormWithoutTheBrowsersCsrfTokenIsRefused() {
        String admin = session("admin");
        List<String> forms = List.of("/console/habilitations/" + HABILITATION + "/valider",
                "/console/habilitations/" + HABILITATION + "/refuser", "/console/jetons/" + JTI + "/revoquer",
                "/console/jetons/" + JTI + "/prolonger", "/console/cles/rotation", "/console/deconnexion");
        for (String form : forms) {
            given().cookie(ConsoleCookies.NAME, admin).formParam("reason", "Motif").formParam("habilitation", HABILITATION)
                    .post(form).then().statusCode(403).body(containsString("Ce formulaire a expiré"));
        }
        given().formParam("email", "ops@numerique.gouv.fr").post("/console/connexion").then().statusCode(403);
    }

    @Test
    void anAuditorsActionIsRefusedByThePortalEvenWithAValidForm() {
        Pair csrf = csrf();
        String auditor = session("auditor");
        for (String form : List.of("/console/habilitations/" + HABILITATION + "/valider",
                "/console/habilitations/" + HABILITATION + "/refuser", "/console/jetons/" + JTI + "/revoquer",
                "/console/cles/rotation")) {
            // token-service is unreachable here: a 403 (not 503) shows the portal refused before calling it
            given().cookie(ConsoleCookies.NAME, auditor).cookie(Csrf.COOKIE, csrf.cookie())
                    .formParam(Csrf.FIELD, csrf.field()).formParam("reason", "Motif").formParam("habilitation", HABILITATION)
                    .post(form).then().statusCode(403).body(containsString("réservée aux administrateurs"));
        }
    }

    @Test
    void tokenServiceUnreachableIsAPageNeverA500() {
        Pair csrf = csrf();
        given().cookie(ConsoleCookies.NAME, session("admin")).get("/console").then().statusCode(503)
                .body(containsString("momentanément indisponible"));
        given().get("/console/connexion/lien?jeton=abc").then().statusCode(401).body(containsString("id=\"login-error\""));
        given().cookie(Csrf.COOKIE, csrf.cookie()).formParam(Csrf.FIELD, csrf.field()).formParam("email", "pas-une-adresse")
                .post("/console/connexion").then().statusCode(400).body(containsString("id=\"operator-email-error\""));
        // logging out needs no token-service, and erases the console cookie
        given().redirects().follow(false).cookie(ConsoleCookies.NAME, session("admin")).cookie(Csrf.COOKIE, csrf.cookie())
                .formParam(Csrf.FIELD, csrf.field()).post("/console/deconnexion").then().statusCode(303)
                .header("Location", containsString("/console/connexion"))
                .header("Set-Cookie", containsString(ConsoleCookies.NAME + "="))
                .header("Set-Cookie", containsString("Max-Age=0"));
    }
}
