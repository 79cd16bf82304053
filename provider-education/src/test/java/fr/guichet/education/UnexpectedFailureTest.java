package fr.guichet.education;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.education.mesri.client.MesriClient;
import fr.guichet.education.support.ProductionProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw (here: a bug in the MESRI client) is 502 with the catalogue's body and
 * the failed operation's own {@code XX999}: 25999 for MESRI.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502WithTheFailedUpstreams999() {
        QuarkusMock.installMockForType(new MesriClient(null, null) {
            @Override
            public com.fasterxml.jackson.databind.JsonNode byIne(String ine) {
                throw new IllegalStateException("a bug");
            }
        }, MesriClient.class);

        given().queryParam("recipient", "13002526500013").queryParam("ine", "1234567890A")
                .get("/v3/mesri/statut_etudiant/ine").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("25999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }
}
