package fr.guichet.cnav.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * CNAV's DSS exchange, which cannot run here, played in-process by WireMock: its token endpoint at
 * {@code /cnav/token} and one path per prestation ({@code /cnav/<name>}), each prestation with its
 * own test client, as production configures them. The tests stub the answers from the recorded
 * payloads under {@code upstream/cnav/}.
 */
public class CnavStandIn implements QuarkusTestResourceLifecycleManager {

    /** The prestations of CNAV's exchange, by their names there. */
    public static final String[] PRESTATIONS = {"quotient_familial_v2", "complementaire_sante_solidaire",
        "revenu_solidarite_active", "prime_activite", "allocation_adulte_handicape", "allocation_soutien_familial",
        "allocation_enfant_handicape", "participation_familiale_eaje"};
    /** Upstream timeout of the tests: long enough for a cold first call, short enough to test a timeout. */
    public static final String TIMEOUT = "PT5S";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    /** The test client id of a prestation. */
    public static String clientId(String prestation) {
        return "guichet-" + prestation;
    }

    /** The test client secret of a prestation. */
    public static String clientSecret(String prestation) {
        return "secret-of-" + prestation + "-for-tests";
    }

    /** A recorded payload of {@code upstream/cnav/}. */
    public static String payload(String name) {
        try (InputStream in = CnavStandIn.class.getClassLoader().getResourceAsStream("upstream/cnav/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing upstream/cnav/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("guichet.provider.mode", "production");
        config.put("guichet.upstream.cnav.url", server.baseUrl() + "/cnav");
        config.put("guichet.upstream.cnav.timeout", TIMEOUT);
        config.put("guichet.cnav.token-url", server.baseUrl() + "/cnav/token");
        for (String prestation : PRESTATIONS) {
            String key = "guichet.cnav.prestations." + prestation + ".";
            // Relative to the upstream's URL, as an operator may write it.
            config.put(key + "url", "/" + prestation);
            config.put(key + "client-id", clientId(prestation));
            config.put(key + "client-secret", clientSecret(prestation));
        }
        config.put("guichet.cnav.prestations.quotient_familial_v2.scope", "qf.read");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
