package fr.guichet.testing.upstream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The administrations a provider calls, which cannot run here, played in-process by one WireMock
 * server on a free port of 127.0.0.1 (one path prefix per upstream, {@link #url(String)}); the
 * provider runs in production mode against it. A module's subclass gives the settings that point
 * its upstreams there ({@link #properties()}); one subclass per test JVM, as Quarkus test resources
 * are.
 */
public abstract class WireMockUpstreamsResource implements QuarkusTestResourceLifecycleManager {

    /** Upstream timeout of the tests: long enough for a cold first call on a busy machine. */
    public static final String TIMEOUT = "PT5S";

    private static WireMockServer server;

    /** The running server, to stub and verify exchanges. */
    public static WireMockServer server() {
        return server;
    }

    /** Base URL of upstream {@code name} on the WireMock server. */
    public static String url(String name) {
        return server.baseUrl() + "/" + name;
    }

    /** The module's settings pointing its upstreams at {@link #url(String)}, read once the server runs. */
    protected abstract Map<String, String> properties();

    @Override
    public final Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Map<String, String> settings = new HashMap<>(properties());
        settings.put("guichet.provider.mode", "production");
        return settings;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
