package fr.guichet.social.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * PRO BTP, CIBTP, CNETP and the Fabrique numérique, which cannot run here, played in-process by
 * WireMock from their recorded exchanges; the adapter runs in production mode against it.
 */
public class WireMockUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final String CIBTP_CLIENT_ID = "guichet-test-cibtp";
    public static final String CIBTP_CLIENT_SECRET = "cibtp-secret-for-tests";
    public static final String CNETP_CLIENT_NUMBER = "4242";
    public static final String CNETP_TOKEN = "cnetp-token-for-tests";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    /** The cassettes' placeholders, replaced by this test's values. */
    public static Map<String, String> placeholders() {
        return Map.of(
                "<PROBTP_DOMAIN>", server.baseUrl() + "/probtp",
                "<URL_CIBTP>", server.baseUrl() + "/cibtp",
                "<CIBTP_CLIENT_ID>", CIBTP_CLIENT_ID,
                "<CIBTP_CLIENT_SECRET>", CIBTP_CLIENT_SECRET,
                "<CNETP_DOMAIN>", server.baseUrl() + "/cnetp",
                "<CNETP_CLIENT_NUMBER>", CNETP_CLIENT_NUMBER,
                "<CNETP_TOKEN>", CNETP_TOKEN,
                "<FABRIQUE_NUMERIQUE_CONVENTIONS_COLLECTIVES_URL>", server.baseUrl() + "/fabrique/api/v1/conventions");
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.ofEntries(
                Map.entry("guichet.provider.mode", "production"),
                Map.entry("guichet.social.probtp.url", server.baseUrl() + "/probtp"),
                Map.entry("guichet.social.cibtp.url", server.baseUrl() + "/cibtp"),
                Map.entry("guichet.social.cibtp.client-id", CIBTP_CLIENT_ID),
                Map.entry("guichet.social.cibtp.client-secret", CIBTP_CLIENT_SECRET),
                Map.entry("guichet.social.cnetp.url", server.baseUrl() + "/cnetp"),
                Map.entry("guichet.social.cnetp.client-number", CNETP_CLIENT_NUMBER),
                Map.entry("guichet.social.cnetp.token", CNETP_TOKEN),
                Map.entry("guichet.social.fabrique.url", server.baseUrl() + "/fabrique/api/v1/conventions"),
                Map.entry("guichet.upstream.probtp.timeout", "PT8S"),
                Map.entry("guichet.upstream.cibtp.timeout", "PT8S"),
                Map.entry("guichet.upstream.cnetp.timeout", "PT8S"),
                Map.entry("guichet.upstream.fabrique-numerique.timeout", "PT8S"),
                // The error cases must not open the circuits for the tests that follow them.
                Map.entry("guichet.upstream.probtp.circuit-breaker.request-volume-threshold", "10000"),
                Map.entry("guichet.upstream.cibtp.circuit-breaker.request-volume-threshold", "10000"),
                Map.entry("guichet.upstream.cnetp.circuit-breaker.request-volume-threshold", "10000"),
                Map.entry("guichet.upstream.fabrique-numerique.circuit-breaker.request-volume-threshold", "10000"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
