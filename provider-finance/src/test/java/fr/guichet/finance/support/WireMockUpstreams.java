package fr.guichet.finance.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The upstreams of provider-finance played by one in-process WireMock, and the production-mode
 * settings that point the module at it.
 */
public class WireMockUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final String DOUANES_CLIENT_ID = "guichet-test-douanes";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    public static String douanesUrl() {
        return server.baseUrl() + "/douanes/eori";
    }

    public static String viesUrl() {
        return server.baseUrl() + "/vies/ms/FR/vat";
    }

    public static String banqueDeFranceUrl() {
        return server.baseUrl() + "/bdf/bilans";
    }

    /** Placeholders of the cassettes, replaced by this test's values. */
    public static Map<String, String> placeholders() {
        return Map.of("<URL_DOUANES>", douanesUrl(), "<DOUANES_CLIENT_ID>", DOUANES_CLIENT_ID,
                "<BANQUE_DE_FRANCE_BILANS_URL>", banqueDeFranceUrl());
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of(
                "guichet.provider.mode", "production",
                "guichet.finance.douanes.url", douanesUrl(),
                "guichet.finance.douanes.client-id", DOUANES_CLIENT_ID,
                "guichet.upstream.douanes.timeout", "PT6S",
                "guichet.finance.vies.url", viesUrl(),
                "guichet.upstream.vies.timeout", "PT6S",
                "guichet.finance.banque-de-france.url", banqueDeFranceUrl(),
                "guichet.upstream.banque-de-france.timeout", "PT6S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
