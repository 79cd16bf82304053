package fr.guichet.gateway.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import fr.guichet.testing.metrics.PrometheusScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway's {@code /q/metrics}: every Guichet meter has its HELP, the circuit states use the
 * one-hot encoding, and {@code guichet_gateway_provider_up} follows the adapters' readiness (dgfip
 * answers here from a local readiness endpoint, insee is unreachable).
 */
@QuarkusTest
@TestProfile(MetricsTest.OneProviderReady.class)
class MetricsTest {

    /** dgfip's adapter replaced by a server answering only its readiness check. */
    public static class OneProviderReady implements QuarkusTestProfile {
        static final HttpServer READY = start();

        static HttpServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/q/health/ready", exchange -> {
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                server.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.gateway.providers.dgfip.url", "http://127.0.0.1:" + READY.getAddress().getPort());
        }
    }

    @Inject
    ProviderUpProbe probe;

    @Test
    void everyGuichetMeterHasHelpAndIsCatalogued() {
        given().get("/v3/insee/sirene/unites_legales/552049447").then().statusCode(401);
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        PrometheusScrape.assertGuichetMeters(scrape, "gateway-service",
                "guichet_gateway_requests_total", "guichet_gateway_latency_seconds",
                "guichet_gateway_provider_up", "guichet_circuit_breaker_state",
                "guichet_gateway_journal_pending_events", "guichet_gateway_journal_backlog_bytes",
                "guichet_gateway_trace_last_shipped_seconds", "guichet_gateway_traces_shipped_total",
                "guichet_gateway_traces_dead_lettered_total", "guichet_gateway_degraded");
    }

    @Test
    void circuitStatesAreOneHot() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String provider : new String[] {"insee", "dgfip", "finance"}) {
            String p = "provider=\"" + provider + "\"";
            assertEquals(1.0, PrometheusScrape.value(scrape, "guichet_circuit_breaker_state", p, "state=\"closed\"",
                    "service=\"gateway-service\""));
            assertEquals(0.0, PrometheusScrape.value(scrape, "guichet_circuit_breaker_state", p, "state=\"open\""));
            assertEquals(0.0, PrometheusScrape.value(scrape, "guichet_circuit_breaker_state", p, "state=\"half_open\""));
        }
    }

    @Test
    void providerUpFollowsTheAdaptersReadiness() {
        probe.probe();
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(1.0, PrometheusScrape.value(scrape, "guichet_gateway_provider_up", "provider=\"dgfip\""));
        assertEquals(0.0, PrometheusScrape.value(scrape, "guichet_gateway_provider_up", "provider=\"insee\""));
    }
}
