package fr.guichet.trace.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** 405 and 415 leave trace-service titled as such, in the API error model (once a bare status). */
@QuarkusTest
class HttpRefusalsTest {

    @Test
    void aMethodTheRouteDoesNotServeIs405TitledSo() {
        given().when().delete("/traces").then().statusCode(405).contentType("application/json")
                .body("errors[0].code", equalTo("00261"))
                .body("errors[0].title", equalTo("Méthode non autorisée"));
    }

    @Test
    void aBodyOfAnotherTypeIs415TitledSo() {
        given().contentType("text/csv").body("a,b").when().post("/traces").then().statusCode(415)
                .contentType("application/json")
                .body("errors[0].title", equalTo("Type de contenu non pris en charge"))
                .body("errors[0].source.header", equalTo("Content-Type"));
    }
}
