package fr.guichet.education.support;

import fr.guichet.testing.upstream.WireMockUpstreamsResource;
import java.util.Map;

/**
 * MESRI, CNOUS and MEN, which cannot run here, played in-process by WireMock from their recorded
 * answers (one path prefix per upstream); the adapter runs in production mode against it.
 */
public class WireMockUpstreams extends WireMockUpstreamsResource {

    public static final String MESRI_KEY_INE = "mesri-ine-key-for-tests";
    public static final String MESRI_KEY_CIVILITY = "mesri-civility-key-for-tests";
    public static final String CNOUS_CLIENT_ID = "guichet-test-cnous";
    public static final String CNOUS_CLIENT_SECRET = "cnous-secret-for-tests";
    /** The client id of MEN's recordings. */
    public static final String MEN_CLIENT_ID = "api-particuliers-tests";
    public static final String MEN_CLIENT_SECRET = "men-secret-for-tests";
    /** Placeholders of MEN's cassettes, replaced by this test's values. */
    public static Map<String, String> placeholders() {
        return Map.of(
                "<MEN_SCOLARITES_AUTHENTICATE_URL>", url("men-auth") + "/token",
                "<MEN_SCOLARITES_URL_V2>", url("men"),
                "<MEN_SCOLARITES_CLIENT_SECRET>", MEN_CLIENT_SECRET);
    }

    @Override
    protected Map<String, String> properties() {
        return Map.ofEntries(
                Map.entry("guichet.upstream.mesri.url", url("mesri")),
                Map.entry("guichet.upstream.mesri.timeout", TIMEOUT),
                Map.entry("guichet.education.mesri.api-key-ine", MESRI_KEY_INE),
                Map.entry("guichet.education.mesri.api-key-civility", MESRI_KEY_CIVILITY),
                Map.entry("guichet.upstream.cnous.url", url("cnous")),
                Map.entry("guichet.upstream.cnous.timeout", TIMEOUT),
                Map.entry("guichet.education.cnous.token-url", url("cnous") + "/token"),
                Map.entry("guichet.education.cnous.client-id", CNOUS_CLIENT_ID),
                Map.entry("guichet.education.cnous.client-secret", CNOUS_CLIENT_SECRET),
                Map.entry("guichet.education.cnous.ine-path", "/ine"),
                Map.entry("guichet.education.cnous.civility-path", "/identite"),
                Map.entry("guichet.education.cnous.france-connect-path", "/france_connect"),
                Map.entry("guichet.upstream.men.url", url("men")),
                Map.entry("guichet.upstream.men.timeout", TIMEOUT),
                Map.entry("guichet.education.men.token-url", url("men-auth") + "/token"),
                Map.entry("guichet.education.men.client-id", MEN_CLIENT_ID),
                Map.entry("guichet.education.men.client-secret", MEN_CLIENT_SECRET));
    }
}
