package fr.guichet.registers.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Infogreffe, INPI and CMA France, which cannot be called from here, played in-process by WireMock
 * from their recorded exchanges; the adapter runs in production mode against it.
 */
public class WireMockUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final String INFOGREFFE_CODE_ABONNE = "GUICHET-TEST";
    public static final String INFOGREFFE_MOT_PASSE = "mot-de-passe-de-test";
    /** Upstream timeout of the tests: WireMock's delays go beyond it. */
    public static final String INPI_USERNAME = "guichet-test@example.org";
    public static final String INPI_PASSWORD = "mot-de-passe-inpi-de-test";
    /** The largest INPI document stored in these tests (the recorded PDFs are about 100 kB). */
    public static final int INPI_MAX_DOCUMENT_BYTES = 1_000_000;
    public static final String TIMEOUT = "PT5S";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    public static String infogreffeUrl() {
        return server.baseUrl() + "/infogreffe/WebServicesProduits";
    }

    public static String inpiUrl() {
        return server.baseUrl() + "/inpi";
    }

    public static String inpiLoginUrl() {
        return server.baseUrl() + "/inpi/api/sso/login";
    }

    public static String rnmUrl() {
        return server.baseUrl() + "/rnm";
    }

    /** The cassettes' placeholders and the test's values. */
    public static Map<String, String> placeholders() {
        return Map.of(
                "<INFOGREFFE_URL_EXTRAIT_RCS>", infogreffeUrl(),
                "<INFOGREFFE_CODE_ABONNE>", INFOGREFFE_CODE_ABONNE,
                "<INFOGREFFE_MOT_PASSE>", INFOGREFFE_MOT_PASSE,
                "<RNM_DOMAIN>", rnmUrl(),
                "<INPI_RNE_URL>", inpiUrl(),
                "<INPI_RNE_LOGIN_URL>", inpiLoginUrl(),
                "<INPI_RNE_LOGIN_USERNAME>", INPI_USERNAME,
                "<INPI_RNE_LOGIN_PASSWORD>", INPI_PASSWORD);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.ofEntries(
                Map.entry("guichet.provider.mode", "production"),
                Map.entry("guichet.upstream.infogreffe.url", infogreffeUrl()),
                Map.entry("guichet.upstream.infogreffe.timeout", TIMEOUT),
                Map.entry("guichet.upstream.infogreffe.circuit-breaker.request-volume-threshold", "1000"),
                Map.entry("guichet.registers.infogreffe.code-abonne", INFOGREFFE_CODE_ABONNE),
                Map.entry("guichet.registers.infogreffe.mot-passe", INFOGREFFE_MOT_PASSE),
                Map.entry("guichet.upstream.cma-france.url", rnmUrl()),
                Map.entry("guichet.upstream.cma-france.timeout", TIMEOUT),
                Map.entry("guichet.upstream.cma-france.circuit-breaker.request-volume-threshold", "1000"),
                Map.entry("guichet.upstream.inpi-rne.url", inpiUrl()),
                Map.entry("guichet.upstream.inpi-rne.timeout", TIMEOUT),
                Map.entry("guichet.upstream.inpi-rne.circuit-breaker.request-volume-threshold", "1000"),
                Map.entry("guichet.registers.inpi.login-url", inpiLoginUrl()),
                Map.entry("guichet.registers.inpi.username", INPI_USERNAME),
                Map.entry("guichet.registers.inpi.password", INPI_PASSWORD),
                Map.entry("guichet.registers.inpi.max-documents", "5"),
                Map.entry("guichet.registers.inpi.max-document-bytes", String.valueOf(INPI_MAX_DOCUMENT_BYTES)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
