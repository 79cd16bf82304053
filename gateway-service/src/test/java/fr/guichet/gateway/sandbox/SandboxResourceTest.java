package fr.guichet.gateway.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code GET /sandbox}: the catalogue of the sandbox, without a token. */
@QuarkusTest
class SandboxResourceTest {

    @Test
    void catalogueIsServedWithoutToken() {
        given().when().get("/sandbox").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("operations.size()", greaterThan(30))
                .body("operations.operation_id", hasItem("api_entreprise_v4_insee_unites_legales"))
                .body("operations.provider", hasItem("dgfip"))
                .body("operations.title", everyItem(notNullValue()))
                .body("operations.find { it.operation_id == 'api_entreprise_v4_insee_unites_legales' }.cases.path",
                        hasItem("/v4/insee/sirene/unites_legales/552049447"));
    }

    @Test
    void oneOperationWithItsCases() {
        given().when().get("/sandbox/api_entreprise_v3_dgfip_chiffres_affaires").then().statusCode(200)
                .body("operation_id", equalTo("api_entreprise_v3_dgfip_chiffres_affaires"))
                .body("provider", equalTo("dgfip"))
                .body("cases.find { it.status == 200 }.method", equalTo("GET"))
                .body("cases.find { it.status == 200 }.path", equalTo("/v3/dgfip/etablissements/13002526500013/chiffres_affaires"))
                .body("cases.find { it.status == 200 }.query.year", notNullValue())
                .body("cases.find { it.status == 200 }.case", notNullValue())
                .body("cases.find { it.status == 200 }.summary", containsString("chiffre_affaires"));
    }

    @Test
    void unknownOperationIs404WithTheErrorModel() {
        given().when().get("/sandbox/api_entreprise_v9_nothing").then().statusCode(404)
                .contentType(containsString("application/json"))
                .body("errors[0].code", equalTo("00003"))
                .body("errors[0].detail", containsString("/sandbox"));
    }

    @Test
    void openApiParameterExamplesAreIdentifiersTheSandboxAnswers() {
        String siren = "paths.'/v4/insee/sirene/unites_legales/{siren}'.get.parameters.find { it.name == 'siren' }";
        String siret = "paths.'/v3/dgfip/etablissements/{siret}/chiffres_affaires'.get.parameters.find { it.name == 'siret' }";
        given().when().get("/openapi").then().statusCode(200)
                .body(siren + ".example", equalTo("775672272"))
                .body(siren + ".examples", nullValue())
                .body(siret + ".example", equalTo("13002526500013"))
                // a deprecated v3 route takes the identifiers of its newest version's cases
                .body("paths.'/v3/insee/sirene/unites_legales/{siren}'.get.parameters.find { it.name == 'siren' }.example",
                        equalTo("775672272"));
    }
}
