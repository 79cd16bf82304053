package fr.guichet.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every answer carries the security headers; pages load nothing from another origin. */
@QuarkusTest
class SecurityHeadersTest {

    /** An src or href attribute pointing at another origin (http://, https:// or protocol-relative). */
    private static final Pattern OUTSIDE = Pattern.compile("(src|href)=\"(https?:)?//");

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScript() {
        for (String page : new String[] {"/", "/connexion", "/statut"}) {
            given().get(page).then()
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("'unsafe-eval'")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("object-src 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("same-origin"));
        }
    }

    @Test
    void scriptSourcesAllowNoInlineScript() {
        String csp = given().get("/").header("Content-Security-Policy");
        String scriptSrc = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
        assertFalse(scriptSrc.contains("unsafe-inline"), csp);
        // and no page holds an inline <script> (every script has a src)
        for (String page : new String[] {"/", "/connexion", "/statut"}) {
            String html = given().get(page).asString();
            assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html).find(), page + " has an inline script");
            assertFalse(OUTSIDE.matcher(html).find(), page + " loads something from another origin");
        }
    }

    @Test
    void theDesignSystemIsServedByThePortalItself() {
        given().get("/").then().statusCode(200)
                .body(containsString("href=\"/assets/dsfr/dsfr.min.css\""))
                .body(containsString("src=\"/assets/dsfr/dsfr.module.min.js\""));
        for (String asset : new String[] {"/assets/dsfr/dsfr.min.css", "/assets/dsfr/dsfr.module.min.js",
                "/assets/dsfr/dsfr.nomodule.min.js", "/assets/dsfr/utility/icons/icons.min.css",
                "/assets/dsfr/fonts/Marianne-Regular.woff2", "/assets/dsfr/favicon/favicon.svg",
                "/assets/dsfr-chart/BarChart.js", "/assets/dsfr-chart/BarChart.css", "/assets/portal/portal.js"}) {
            given().get(asset).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"));
        }
    }

    @Test
    void theHomePageIsFrenchAndLinksToTheLogin() {
        given().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"fr\""))
                .body(containsString("href=\"/connexion\""));
    }

    @Test
    void oldDashboardAddressesLeadToTheDemarches() {
        given().redirects().follow(false).get("/habilitations").then().statusCode(303)
                .header("Location", containsString("/demarches"));
        given().redirects().follow(false).get("/habilitations/0b8f5a34-1111-4a4a-9c9c-123456789abc/renouvellement")
                .then().statusCode(303)
                .header("Location", containsString("/demarches/0b8f5a34-1111-4a4a-9c9c-123456789abc"));
    }
}
