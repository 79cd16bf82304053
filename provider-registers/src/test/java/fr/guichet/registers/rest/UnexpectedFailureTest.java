package fr.guichet.registers.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.registers.infogreffe.client.InfogreffeClient;
import fr.guichet.registers.support.Calls;
import fr.guichet.registers.support.ProductionProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * A failure nobody foresaw (here: a bug below the handler) is 502 with the operation's prefix and
 * 999 and the catalogue's body, the answer every provider on the kit gives.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502WithTheOperationsPrefixAnd999() {
        QuarkusMock.installMockForType(new InfogreffeClient(null, null) {
            @Override
            public Document extrait(String siren) {
                throw new IllegalStateException("a bug");
            }
        }, InfogreffeClient.class);

        given().queryParams(Calls.MANDATORY_PARAMS).get("/v3/infogreffe/rcs/unites_legales/552049447/extrait_kbis")
                .then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("02999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }
}
