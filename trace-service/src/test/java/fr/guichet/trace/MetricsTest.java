package fr.guichet.trace;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.testing.metrics.PrometheusScrape;
import fr.guichet.trace.support.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** trace-service's {@code /q/metrics}: every Guichet meter has its HELP and is catalogued. */
@QuarkusTest
class MetricsTest {

    @Inject
    ObjectMapper json;

    @Test
    void everyGuichetMeterHasHelp() throws Exception {
        String body = json.writeValueAsString(List.of(TestEvents.apiCall(UUID.randomUUID().toString(),
                "13002526500013", "418166096", 200, Instant.now())));
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType("application/json").body(body)
                .when().post("/traces").then().statusCode(200);

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        PrometheusScrape.assertGuichetMeters(scrape, "trace-service", "guichet_trace_ingested_total");
        assertTrue(PrometheusScrape.value(scrape, "guichet_trace_ingested_total", "outcome=\"accepted\"") >= 1);
    }
}
