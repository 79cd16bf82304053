package fr.guichet.finance.douanes.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.finance.douanes.service.EoriService;
import fr.guichet.finance.support.ProductionProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw (here: a bug in the service) is 502 {@code 16999} with the catalogue's
 * body and no {@code meta}: the kit's one exception mapper, the same in every provider.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502WithTheProviders999() {
        QuarkusMock.installMockForType(new EoriService(null) {
            @Override
            public String registration(String siretOrEori) {
                throw new IllegalStateException("a bug");
            }
        }, EoriService.class);

        given().queryParam("recipient", "13002526500013")
                .get("/v3/douanes/etablissements/30613890001294/immatriculations_eori").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("16999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }
}
