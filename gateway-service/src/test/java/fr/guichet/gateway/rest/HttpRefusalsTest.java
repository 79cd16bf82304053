package fr.guichet.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ErrorResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** 405 and 415 leave the gateway titled as such in the API error model, and its log lines carry the date. */
@QuarkusTest
class HttpRefusalsTest {

    @Test
    void aMethodTheRouteDoesNotServeIs405TitledSo() {
        given().queryParam("context", "c").queryParam("object", "o").queryParam("recipient", "13002526500013")
                .when().post("/v3/insee/sirene/unites_legales/552049447")
                .then().statusCode(405).contentType("application/json")
                .body("errors[0].code", equalTo("00503"))
                .body("errors[0].title", equalTo("Méthode non autorisée"));
        given().when().delete("/pings").then().statusCode(405).body("errors[0].title", equalTo("Méthode non autorisée"));
    }

    @Test
    void anUnsupportedContentTypeIs415TitledSo() {
        // No gateway route reads a body today; the mapper is there for the day one does.
        Response response = new ApiExceptionMapper().unsupported(new NotSupportedException());
        assertEquals(415, response.getStatus());
        ErrorResponse body = (ErrorResponse) response.getEntity();
        assertEquals("Type de contenu non pris en charge", body.errors().get(0).title());
    }

    @Test
    void consoleLinesCarryTheDate() {
        String format = ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class);
        assertTrue(format.startsWith("%d{yyyy-MM-dd HH:mm:ss"), format);
    }
}
