package fr.guichet.cnav;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Production mode before CNAV's URLs and clients are set: every prestation answers 502
 * {@code 37006} naming the missing setting (never a 500, never a call), and readiness says why CNAV
 * is down.
 */
@QuarkusTest
@TestProfile(NotConfiguredTest.ProductionWithoutSettings.class)
class NotConfiguredTest {

    /** Production mode, no CNAV setting. */
    public static class ProductionWithoutSettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.provider.mode", "production");
        }
    }

    @Test
    void aPrestationWithoutItsSettingsIs502With37006() {
        given().queryParam("recipient", "13002526500013").queryParam("nomNaissance", "DUPONT")
                .queryParam("prenoms[]", "JEAN").queryParam("sexeEtatCivil", "M").queryParam("codeCogInseePaysNaissance", "99100")
                .get("/v3/dss/prime_activite/france_connect").then().statusCode(502)
                .body("errors[0].code", equalTo("37006"))
                .body("errors[0].detail", containsString("guichet.cnav.prestations.prime_activite.url"))
                .body("errors[0].meta.provider", equalTo("CNAV"));
    }

    @Test
    void readinessSaysCnavIsNotConfigured() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'cnav' }.status", equalTo("DOWN"));
    }
}
