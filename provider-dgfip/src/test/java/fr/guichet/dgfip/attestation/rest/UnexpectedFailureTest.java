package fr.guichet.dgfip.attestation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.dgfip.attestation.service.AttestationFiscaleService;
import fr.guichet.dgfip.production.ProductionMode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw (here: a bug in the service) is 502 03999 with the catalogue's body,
 * the status and body shape every provider answers (the kit's one exception mapper).
 */
@QuarkusTest
@TestProfile(ProductionMode.class)
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502WithTheProviders999() {
        QuarkusMock.installMockForType(new AttestationFiscaleService(null, null, null, null) {
            @Override
            public ObjectNode v4(String siren) {
                throw new IllegalStateException("a bug");
            }
        }, AttestationFiscaleService.class);

        given().get("/v4/dgfip/unites_legales/418166096/attestation_fiscale").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("03999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }
}
