package fr.guichet.cnav;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.cnav.dss.client.CnavClient;
import fr.guichet.cnav.dss.client.Prestation;
import fr.guichet.cnav.support.ProductionProfile;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failure nobody foresaw (here: a bug in the CNAV client) is 502 with the catalogue's body and CNAV's 37999. */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs502With37999() {
        QuarkusMock.installMockForType(new CnavClient(null, null, null, null) {
            @Override
            public UpstreamResponse fetch(Prestation prestation, Map<String, String> query, String requestId, String recipient) {
                throw new IllegalStateException("a bug");
            }
        }, CnavClient.class);

        given().queryParam("recipient", "13002526500013").queryParam("nomNaissance", "DUPONT")
                .queryParam("prenoms[]", "JEAN").queryParam("sexeEtatCivil", "M").queryParam("codeCogInseePaysNaissance", "99100")
                .get("/v3/dss/prime_activite/identite").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("37999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }
}
