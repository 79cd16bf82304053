package fr.guichet.certifications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.certifications.opqibi.client.OpqibiClient;
import fr.guichet.certifications.support.ProductionProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw (here: a bug in the OPQIBI client) is 502 with the catalogue's body and
 * the failed operation's own {@code XX999}: 11999 for OPQIBI, although ADEME (19) is this
 * provider's first operation.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502WithTheFailedUpstreams999() {
        QuarkusMock.installMockForType(new OpqibiClient(null) {
            @Override
            public com.fasterxml.jackson.databind.JsonNode certificate(String siren) {
                throw new IllegalStateException("a bug");
            }
        }, OpqibiClient.class);

        given().queryParam("recipient", "13002526500013")
                .get("/v3/opqibi/unites_legales/434717997/certification_ingenierie").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("11999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }
}
