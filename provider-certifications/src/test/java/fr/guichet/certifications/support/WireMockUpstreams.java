package fr.guichet.certifications.support;

import fr.guichet.testing.upstream.WireMockUpstreamsResource;
import java.util.Map;

/**
 * The certifying bodies, which cannot run here, played in-process by WireMock from their recorded
 * exchanges (one path prefix per upstream); the adapter runs in production mode against it.
 */
public class WireMockUpstreams extends WireMockUpstreamsResource {

    public static final String ADEME_API_KEY = "ademe-key-for-tests";
    public static final String FNTP_TOKEN = "fntp-token-for-tests";
    public static final String CARIF_OREF_TOKEN = "carif-oref-token-for-tests";
    public static final String QUALIBAT_USERNAME = "guichet-test-qualibat";
    public static final String QUALIBAT_PASSWORD = "qualibat-password-for-tests";

    /** Placeholders of the cassettes, replaced by this test's values. */
    public static Map<String, String> placeholders() {
        return Map.of(
                "<QUALIBAT_URL>", url("qualibat"),
                "<QUALIBAT_BASIC_AUTH>", java.util.Base64.getEncoder().encodeToString(
                        (QUALIBAT_USERNAME + ":" + QUALIBAT_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "<ADEME_RGE_URL>", url("ademe"),
                "<RGE_ADEME_TOKEN>", ADEME_API_KEY,
                "<OPQIBI_DOMAIN>", url("opqibi"),
                "<FNTP_DOMAIN>", url("fntp"),
                "<FNTP_TOKEN>", FNTP_TOKEN,
                "<CARIF_OREF_QUIFORME_URL>", url("carif_oref"),
                "<CARIF_OREF_QUIFORME_TOKEN>", CARIF_OREF_TOKEN);
    }

    @Override
    protected Map<String, String> properties() {
        return Map.ofEntries(
                Map.entry("guichet.upstream.ademe.url", url("ademe")),
                Map.entry("guichet.upstream.ademe.timeout", TIMEOUT),
                Map.entry("guichet.certifications.ademe.api-key", ADEME_API_KEY),
                Map.entry("guichet.certifications.ademe.referer", "https://test.entreprise.api.gouv.fr"),
                Map.entry("guichet.upstream.qualibat.url", url("qualibat")),
                Map.entry("guichet.upstream.qualibat.timeout", TIMEOUT),
                Map.entry("guichet.certifications.qualibat.username", QUALIBAT_USERNAME),
                Map.entry("guichet.certifications.qualibat.password", QUALIBAT_PASSWORD),
                Map.entry("guichet.upstream.opqibi.url", url("opqibi")),
                Map.entry("guichet.upstream.opqibi.timeout", TIMEOUT),
                Map.entry("guichet.upstream.fntp.url", url("fntp")),
                Map.entry("guichet.upstream.fntp.timeout", TIMEOUT),
                Map.entry("guichet.certifications.fntp.token", FNTP_TOKEN),
                Map.entry("guichet.upstream.carif_oref.url", url("carif_oref")),
                Map.entry("guichet.upstream.carif_oref.timeout", TIMEOUT),
                Map.entry("guichet.certifications.carif-oref.token", CARIF_OREF_TOKEN));
    }
}
