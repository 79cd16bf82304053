package fr.guichet.insee.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** An in-process stand-in for INSEE (Sirene API and token endpoint), on a free port. */
public class InseeWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.of(
                "guichet.insee.sirene.base-url", base + Recordings.SIRENE_PATH,
                "guichet.insee.sirene.auth.token-url", base + Recordings.TOKEN_PATH);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
