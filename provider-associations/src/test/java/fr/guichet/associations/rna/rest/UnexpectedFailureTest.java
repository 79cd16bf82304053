package fr.guichet.associations.rna.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.associations.rna.service.AssociationService;
import fr.guichet.associations.support.ProductionProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw (here: a bug in the service) is 502 {@code 21999} with the catalogue's
 * body and no {@code meta}; an operation without production handler says the same with its own
 * prefix (API Association: {@code 29999}).
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502WithTheProviders999() {
        QuarkusMock.installMockForType(new AssociationService(null) {
            @Override
            public String association(String siretOrRna) {
                throw new IllegalStateException("a bug");
            }
        }, AssociationService.class);

        given().queryParam("recipient", "13002526500013")
                .get("/v3/ministere_interieur/rna/associations/W751234567").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("21999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }

    @Test
    void anOperationWithoutProductionHandlerIs502WithItsOwnPrefix() {
        given().queryParam("recipient", "13002526500013")
                .get("/v4/djepva/api-association/associations/W751234567").then().statusCode(502)
                .body("errors[0].code", equalTo("29999"));
    }
}
