package fr.guichet.portal.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The partner session cookie: sealed, HttpOnly, Secure, SameSite; the partner pages need it. */
@QuarkusTest
class SessionTest {

    @Inject
    SessionCookies cookies;

    private static PartnerSession session(long secondsLeft) {
        return new PartnerSession("header.payload.signature", "tech@mairie.fr", "21750001600019",
                Instant.now().getEpochSecond() + secondsLeft);
    }

    @Test
    void theCookieIsHttpOnlySecureAndSameSite() {
        NewCookie cookie = cookies.cookie(session(600));
        assertTrue(cookie.isHttpOnly());
        assertTrue(cookie.isSecure());
        assertEquals(NewCookie.SameSite.LAX, cookie.getSameSite());
        assertEquals("/", cookie.getPath());
        assertTrue(cookie.getMaxAge() > 590 && cookie.getMaxAge() <= 600, "lives as long as the session");
    }

    @Test
    void theCookieRoundTripsAndHidesTheSessionToken() {
        String value = cookies.cookie(session(600)).getValue();
        assertEquals("tech@mairie.fr", cookies.open(value).orElseThrow().email());
        String decoded = new String(Base64.getUrlDecoder().decode(value), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!decoded.contains("header.payload.signature") && !decoded.contains("tech@mairie.fr"),
                "the sealed cookie does not show the session JWT nor the e-mail");
    }

    @Test
    void aTamperedOrEndedCookieIsNoSession() {
        String value = cookies.cookie(session(600)).getValue();
        char[] chars = value.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        assertTrue(cookies.open(new String(chars)).isEmpty());
        assertTrue(cookies.open("not-a-cookie").isEmpty());
        assertTrue(cookies.open(cookies.seal(session(-1))).isEmpty(), "an ended session is no session");
    }

    @Test
    void partnerPagesWithoutSessionGoToTheLoginPage() {
        for (String page : new String[] {"/demarches", "/demarches/0b8f5a34-1111-4a4a-9c9c-123456789abc",
                "/demarches/0b8f5a34-1111-4a4a-9c9c-123456789abc/statistiques",
                "/demarches/0b8f5a34-1111-4a4a-9c9c-123456789abc/requetes",
                "/demarches/0b8f5a34-1111-4a4a-9c9c-123456789abc/requetes.csv"}) {
            given().redirects().follow(false).get(page).then().statusCode(303).header("Location", endsWith("/connexion"));
            given().redirects().follow(false).cookie(SessionCookies.NAME, "forged").get(page).then().statusCode(303)
                    .header("Location", endsWith("/connexion"));
        }
    }

    @Test
    void aRefusedMagicLinkOpensNoSessionAndSaysWhyInFrench() {
        // token-service is not running in these tests: the exchange fails, the page says so
        given().redirects().follow(false).get("/connexion/lien?jeton=abc").then().statusCode(401)
                .header("Set-Cookie", not(containsString(SessionCookies.NAME + "=")))
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("id=\"login-error\""))
                .body(containsString("momentanément indisponible"));
        given().redirects().follow(false).get("/connexion/lien").then().statusCode(401)
                .body(containsString("Ce lien de connexion est incomplet"));
        // token-service's default login page is /connexion: a link to it is exchanged the same way
        given().redirects().follow(false).get("/connexion?jeton=abc").then().statusCode(401)
                .header("Set-Cookie", not(containsString(SessionCookies.NAME + "=")))
                .body(containsString("id=\"login-error\""));
    }

    @Test
    void aSignedInPartnerWhoseTokenServiceIsDownSeesAClearErrorPage() {
        given().redirects().follow(false).cookie(SessionCookies.NAME, cookies.cookie(session(600)).getValue())
                .get("/demarches").then().statusCode(503)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("Service momentanément indisponible"));
    }
}
