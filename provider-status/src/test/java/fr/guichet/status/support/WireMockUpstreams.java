package fr.guichet.status.support;

import fr.guichet.testing.upstream.WireMockUpstreamsResource;
import java.util.Map;

/**
 * The administrations, which cannot run here, played in-process by WireMock from their recorded
 * exchanges and payloads (one path prefix per upstream); the adapter runs in production mode against it.
 */
public class WireMockUpstreams extends WireMockUpstreamsResource {

    public static final String FRANCE_TRAVAIL_CLIENT_ID = "guichet-test-france-travail";
    public static final String FRANCE_TRAVAIL_CLIENT_SECRET = "france-travail-secret-for-tests";
    public static final String DSNJ_TOKEN = "dsnj-token-for-tests";
    public static final String SDH_CLIENT_ID = "guichet-test-sdh";
    public static final String SDH_CLIENT_SECRET = "sdh-secret-for-tests";

    /** Placeholders of the recorded exchanges, replaced by this test's values. */
    public static Map<String, String> placeholders() {
        return Map.of(
                "<FRANCE_TRAVAIL_AUTHENTICATE_URL>", url("france_travail") + "/token",
                "<FRANCE_TRAVAIL_CLIENT_ID>", FRANCE_TRAVAIL_CLIENT_ID,
                "<FRANCE_TRAVAIL_CLIENT_SECRET>", FRANCE_TRAVAIL_CLIENT_SECRET);
    }

    @Override
    protected Map<String, String> properties() {
        return Map.ofEntries(
                Map.entry("guichet.upstream.france_travail.timeout", TIMEOUT),
                Map.entry("guichet.status.france-travail.token-url", url("france_travail") + "/token"),
                Map.entry("guichet.status.france-travail.statut-url", url("france_travail") + "/statut"),
                Map.entry("guichet.status.france-travail.indemnites-url", url("france_travail") + "/indemnites"),
                Map.entry("guichet.status.france-travail.client-id", FRANCE_TRAVAIL_CLIENT_ID),
                Map.entry("guichet.status.france-travail.client-secret", FRANCE_TRAVAIL_CLIENT_SECRET),
                Map.entry("guichet.upstream.dsnj.timeout", TIMEOUT),
                Map.entry("guichet.status.dsnj.url", url("dsnj") + "/service_national"),
                Map.entry("guichet.status.dsnj.token", DSNJ_TOKEN),
                Map.entry("guichet.upstream.sdh.timeout", TIMEOUT),
                Map.entry("guichet.status.sdh.token-url", url("sdh") + "/token"),
                Map.entry("guichet.status.sdh.url", url("sdh") + "/sportifs"),
                Map.entry("guichet.status.sdh.client-id", SDH_CLIENT_ID),
                Map.entry("guichet.status.sdh.client-secret", SDH_CLIENT_SECRET));
    }
}
