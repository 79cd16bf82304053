package fr.guichet.gateway.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.testing.metrics.PrometheusScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code guichet_gateway_provider_up} is in {@code /q/metrics} from the start, at 0 ("not yet
 * probed"), not only once the first scheduled probe has run: an alert on its absence, or a scrape
 * right after a restart, would otherwise see no provider at all. The probe is switched off here so
 * that nothing but startup can have registered the gauge.
 */
@QuarkusTest
@TestProfile(ProviderUpBeforeAnyProbeTest.NoProbe.class)
class ProviderUpBeforeAnyProbeTest {

    /** The scheduled probe never runs ({@code off} disables a Quarkus scheduled method). */
    public static class NoProbe implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.gateway.provider-probe-every", "off");
        }
    }

    @Test
    void everyProviderHasItsGaugeBeforeTheFirstProbe() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String provider : new String[] {"insee", "dgfip", "finance"}) {
            assertEquals(0.0, PrometheusScrape.value(scrape, "guichet_gateway_provider_up", "provider=\"" + provider + "\""),
                    provider);
        }
    }
}
