package fr.guichet.insee.sirene.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ErrorResponse;
import fr.guichet.providerkit.error.ProviderExceptionMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A provider answers 405 and 415 titled as such, through the kit's mapper, and dates its log lines. */
@QuarkusTest
class HttpRefusalsTest {

    @Test
    void aMethodTheRouteDoesNotServeIs405TitledSo() {
        given().when().post("/v3/insee/sirene/unites_legales/552049447").then().statusCode(405)
                .contentType("application/json")
                .body("errors[0].code", equalTo("00503"))
                .body("errors[0].title", equalTo("Méthode non autorisée"));
    }

    @Test
    void anUnsupportedContentTypeIs415TitledSo() {
        // Provider routes read no body; the kit maps the refusal for the day one does.
        Response response = new ProviderExceptionMapper(null).unsupported(new NotSupportedException());
        assertEquals(415, response.getStatus());
        assertEquals("Type de contenu non pris en charge", ((ErrorResponse) response.getEntity()).errors().get(0).title());
    }

    @Test
    void consoleLinesCarryTheDate() {
        String format = ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class);
        assertTrue(format.startsWith("%d{yyyy-MM-dd HH:mm:ss"), format);
    }
}
