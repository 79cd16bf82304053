package fr.guichet.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.gateway.service.LocalJwks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every answer carries {@code X-Request-ID}, also those no data route writes, and only one. */
@QuarkusTest
@WithTestResource(LocalJwks.class)
class RequestIdHeaderTest {

    static final String DATA = "/v3/insee/sirene/unites_legales/775672272?context=a&object=b&recipient=13002526500013";

    @Test
    void answersNoDataRouteWritesCarryTheCallersIdentifierOrAFreshOne() {
        for (String path : List.of("/V3/insee/sirene/unites_legales/775672272", "/", "/foo", "/v3.0/insee")) {
            Response answer = given().header("X-Request-ID", "appel-" + path.length()).when().get(path);
            assertEquals(404, answer.statusCode(), path);
            assertEquals("00003", answer.jsonPath().getString("errors[0].code"), path);
            assertEquals(List.of("appel-" + path.length()), answer.headers().getValues("X-Request-ID"), path);
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            given().header("X-Request-ID", "my-id-123").when().request(method, DATA)
                    .then().statusCode(405).body("errors[0].code", equalTo("00503"))
                    .header("X-Request-ID", equalTo("my-id-123"));
        }
        Response options = given().when().options(DATA);
        assertTrue(options.header("X-Request-ID").matches("[0-9a-f-]{36}"), options.headers().toString());
        // An identifier that is not well-formed is replaced, not echoed.
        Response replaced = given().header("X-Request-ID", "bad id <script>").when().get("/foo");
        assertTrue(replaced.header("X-Request-ID").matches("[0-9a-f-]{36}"), replaced.header("X-Request-ID"));
    }

    @Test
    void aDataRouteKeepsItsOwnAndOnlyOne() {
        Response answer = given().header("X-Request-ID", "appel-42").when().get("/v3/inconnue/x");
        assertEquals(404, answer.statusCode());
        assertEquals(List.of("appel-42"), answer.headers().getValues("X-Request-ID"));
        Response refused = given().header("X-Request-ID", "appel-43").when().get(DATA);
        assertEquals(401, refused.statusCode());
        assertEquals(List.of("appel-43"), refused.headers().getValues("X-Request-ID"));
    }
}
