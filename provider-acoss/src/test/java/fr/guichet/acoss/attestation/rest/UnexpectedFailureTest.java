package fr.guichet.acoss.attestation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.acoss.attestation.service.AttestationService;
import fr.guichet.acoss.common.Answer;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw (here: a bug in the service) is 502 04999 with the catalogue's body,
 * the status and body shape every provider answers (the kit's one exception mapper); it was
 * 500 00500 before the adapter moved onto the kit.
 */
@QuarkusTest
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502WithTheProviders999() {
        QuarkusMock.installMockForType(new AttestationService(null, null, null, null, null, null, null) {
            @Override
            public Answer v4(String siren, String recipient) {
                throw new IllegalStateException("a bug");
            }
        }, AttestationService.class);

        given().queryParam("recipient", "13002526500013")
                .get("/v4/urssaf/unites_legales/418166096/attestation_vigilance").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("04999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }
}
