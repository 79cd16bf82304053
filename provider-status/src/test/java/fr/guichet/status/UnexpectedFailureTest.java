package fr.guichet.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.status.francetravail.client.FranceTravailClient;
import fr.guichet.status.support.ProductionProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw (here: a bug in the France Travail client) is 502 with the catalogue's
 * body and the failed operation's own {@code XX999}, nothing of the failure in it.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502WithTheFailedUpstreams999() {
        QuarkusMock.installMockForType(new FranceTravailClient(null, null, null, null) {
            @Override
            public JsonNode statut(String identifiant, String recipient) {
                throw new IllegalStateException("a bug");
            }
        }, FranceTravailClient.class);

        given().queryParam("recipient", "13002526500013").queryParam("identifiant", "default")
                .get("/v3/france_travail/statut/identifiant").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("24999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }
}
