package fr.guichet.associations.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The upstreams of provider-associations played by one in-process WireMock, and the
 * production-mode settings that point the module at it.
 */
public class WireMockUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final String MI_API_KEY = "guichet-test-mi-key";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    public static final String DATA_SUBVENTION_EMAIL = "guichet@example.org";
    public static final String DATA_SUBVENTION_PASSWORD = "guichet-test-password";

    public static String dataSubventionUrl() {
        return server.baseUrl() + "/data-subvention";
    }

    public static String miUrl() {
        return server.baseUrl() + "/mi";
    }

    /** Placeholders of the cassettes, replaced by this test's values. */
    public static Map<String, String> placeholders() {
        return Map.of("<URL_MI>", miUrl(), "<MI_API_KEY>", MI_API_KEY);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.ofEntries(
                Map.entry("guichet.provider.mode", "production"),
                Map.entry("guichet.associations.mi.url", miUrl()),
                Map.entry("guichet.associations.mi.api-key", MI_API_KEY),
                Map.entry("guichet.upstream.mi.timeout", "PT8S"),
                // Small bounds, so that the tests reach them: the recorded PDF is 266,611 bytes.
                Map.entry("guichet.associations.mi.documents-max-count", "2"),
                Map.entry("guichet.associations.mi.documents-max-bytes", "300000"),
                Map.entry("guichet.associations.data-subvention.url", dataSubventionUrl()),
                Map.entry("guichet.associations.data-subvention.email", DATA_SUBVENTION_EMAIL),
                Map.entry("guichet.associations.data-subvention.password", DATA_SUBVENTION_PASSWORD));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
