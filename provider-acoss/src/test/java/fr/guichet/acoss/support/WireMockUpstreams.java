package fr.guichet.acoss.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * URSSAF and GIP-MDS, which cannot run here, played in-process by WireMock from their recorded
 * exchanges; the adapter runs in production mode against it.
 */
public class WireMockUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final String URSSAF_CLIENT_ID = "guichet-test-urssaf";
    public static final String URSSAF_CLIENT_SECRET = "urssaf-secret-for-tests";
    public static final String GIP_MDS_CLIENT_ID = "guichet-test-gip-mds";
    public static final String GIP_MDS_CLIENT_SECRET = "gip-mds-secret-for-tests";
    public static final String CODE_DEMANDEUR = "00000GUICHET";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    public static String urssafUrl() {
        return server.baseUrl() + "/urssaf";
    }

    public static String gipMdsUrl() {
        return server.baseUrl() + "/gip_mds";
    }

    /** Placeholders of the cassettes, replaced by this test's values. */
    public static Map<String, String> placeholders() {
        return Map.of(
                "<URL_ACOSS>", urssafUrl(),
                "<ACOSS_CLIENT_ID>", URSSAF_CLIENT_ID,
                "<ACOSS_CLIENT_SECRET>", URSSAF_CLIENT_SECRET,
                "<GIP_MDS_DOMAIN>", gipMdsUrl(),
                "<GIP_MDS_CLIENT_ID>", GIP_MDS_CLIENT_ID,
                "<GIP_MDS_CLIENT_SECRET>", GIP_MDS_CLIENT_SECRET);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.ofEntries(
                Map.entry("guichet.provider.mode", "production"),
                Map.entry("guichet.acoss.urssaf.url", urssafUrl()),
                Map.entry("guichet.acoss.urssaf.client-id", URSSAF_CLIENT_ID),
                Map.entry("guichet.acoss.urssaf.client-secret", URSSAF_CLIENT_SECRET),
                Map.entry("guichet.acoss.urssaf.read-timeout", "PT2S"),
                Map.entry("guichet.acoss.gip-mds.url", gipMdsUrl()),
                Map.entry("guichet.acoss.gip-mds.client-id", GIP_MDS_CLIENT_ID),
                Map.entry("guichet.acoss.gip-mds.client-secret", GIP_MDS_CLIENT_SECRET),
                Map.entry("guichet.acoss.gip-mds.code-demandeur", CODE_DEMANDEUR),
                Map.entry("guichet.acoss.gip-mds.read-timeout", "PT2S"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
