package fr.guichet.insee.sirene.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.insee.sirene.service.CacheDirective;
import fr.guichet.insee.sirene.service.InseeAnswer;
import fr.guichet.insee.sirene.service.InseeOperation;
import fr.guichet.insee.sirene.service.InseeService;
import fr.guichet.insee.testing.ProductionModeProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw (here: a bug in the service) is 502 01999 with the catalogue's body,
 * the status and body shape every provider answers (the kit's one exception mapper).
 */
@QuarkusTest
@TestProfile(ProductionModeProfile.class)
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502WithTheProviders999() {
        QuarkusMock.installMockForType(new InseeService(null, null, null, null) {
            @Override
            public InseeAnswer fetch(InseeOperation operation, String identifier, CacheDirective directive) {
                throw new IllegalStateException("a bug");
            }
        }, InseeService.class);

        given().get("/v3/insee/sirene/unites_legales/552049447").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("01999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }
}
