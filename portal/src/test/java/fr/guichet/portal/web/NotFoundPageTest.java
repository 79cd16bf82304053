package fr.guichet.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** An address no page serves is answered with the portal's French 404 page. */
@QuarkusTest
class NotFoundPageTest {

    @Test
    void anUnknownAddressIsTheFrenchNotFoundPage() {
        given().redirects().follow(false).when().get("/nexistepas").then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Page introuvable"))
                .body(containsString("Aucune page à cette adresse"))
                .body(not(containsString("Resource not found")));
    }
}
