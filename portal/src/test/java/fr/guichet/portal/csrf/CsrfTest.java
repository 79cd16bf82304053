package fr.guichet.portal.csrf;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.portal.session.PartnerSession;
import fr.guichet.portal.session.SessionCookies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every form POST without the browser's own signed CSRF token is refused (403) before anything runs. */
@QuarkusTest
class CsrfTest {

    private static final String DEMARCHE = "/demarches/0b8f5a34-1111-4a4a-9c9c-123456789abc";

    @Inject
    SessionCookies sessions;

    /** The CSRF cookie and the token the login form carries. */
    private record Pair(String cookie, String field) {
    }

    private static Pair fromLoginPage() {
        Response page = given().get("/connexion");
        String cookie = page.getCookie(Csrf.COOKIE);
        String html = page.asString();
        int at = html.indexOf("name=\"csrf-token\" value=\"");
        assertTrue(at > 0, "the login form carries a CSRF field");
        int start = at + "name=\"csrf-token\" value=\"".length();
        return new Pair(cookie, html.substring(start, html.indexOf('"', start)));
    }

    private String session() {
        return sessions.cookie(new PartnerSession("header.payload.signature", "tech@mairie.fr", "21750001600019",
                Instant.now().getEpochSecond() + 600)).getValue();
    }

    @Test
    void theFormTokenIsTheSignedCookieSetHttpOnlyAndSameSiteStrict() {
        Response page = given().get("/connexion");
        String header = page.getHeader("Set-Cookie");
        assertNotNull(header);
        assertTrue(header.startsWith(Csrf.COOKIE + "="), header);
        assertTrue(header.contains("HttpOnly"), header);
        assertTrue(header.contains("SameSite=Strict"), header);
        assertTrue(header.contains("Secure"), header);
        Pair pair = fromLoginPage();
        assertTrue(pair.cookie().equals(pair.field()));
    }

    @Test
    void loginWithoutTokenIsRefused() {
        given().formParam("email", "tech@mairie.fr").post("/connexion").then().statusCode(403)
                .body(containsString("Ce formulaire a expiré"));
    }

    @Test
    void loginWithTheTokenOfAnotherBrowserIsRefused() {
        Pair mine = fromLoginPage();
        Pair theirs = fromLoginPage();
        given().cookie(Csrf.COOKIE, mine.cookie()).formParam("csrf-token", theirs.field())
                .formParam("email", "tech@mairie.fr").post("/connexion").then().statusCode(403);
    }

    @Test
    void anUnsignedCookieRepeatedInTheFormIsRefused() {
        // what an attacker able to plant a cookie would try: the same made-up value twice
        given().cookie(Csrf.COOKIE, "forged.value").formParam("csrf-token", "forged.value")
                .formParam("email", "tech@mairie.fr").post("/connexion").then().statusCode(403);
    }

    @Test
    void loginWithItsOwnTokenPassesTheCheck() {
        Pair pair = fromLoginPage();
        // past the CSRF check, the e-mail is validated: a clear French error, not a 403
        given().cookie(Csrf.COOKIE, pair.cookie()).formParam("csrf-token", pair.field())
                .formParam("email", "pas-une-adresse").post("/connexion").then().statusCode(400)
                .body(containsString("fr-error-text"))
                .body(containsString("Saisissez une adresse électronique valide"))
                .body(not(containsString("Ce formulaire a expiré")));
    }

    @Test
    void logoutWithoutTokenIsRefusedAndKeepsTheSession() {
        given().cookie(SessionCookies.NAME, session()).redirects().follow(false).post("/deconnexion")
                .then().statusCode(403).header("Set-Cookie", not(containsString(SessionCookies.NAME + "=;")));
    }

    @Test
    void contactChangesWithoutTokenAreRefused() {
        Pair pair = fromLoginPage();
        given().cookie(SessionCookies.NAME, session()).cookie(Csrf.COOKIE, pair.cookie())
                .formParam("technique_email", "pirate@exemple.fr").formParam("metier_email", "pirate@exemple.fr")
                .post(DEMARCHE + "/contacts").then().statusCode(403);
    }

    @Test
    void tokenRevealWithoutTokenIsRefused() {
        given().cookie(SessionCookies.NAME, session()).contentType("application/x-www-form-urlencoded")
                .post(DEMARCHE + "/jetons/0b8f5a34-2222-4a4a-9c9c-123456789abc/revelation").then().statusCode(403);
    }

    @Test
    void logoutWithItsTokenEndsTheSession() {
        Pair pair = fromLoginPage();
        given().cookie(SessionCookies.NAME, session()).cookie(Csrf.COOKIE, pair.cookie())
                .formParam("csrf-token", pair.field()).redirects().follow(false).post("/deconnexion")
                .then().statusCode(303).header("Set-Cookie", containsString(SessionCookies.NAME + "=;"));
    }
}
