package fr.guichet.insee.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.guichet.insee.config.InseeConfig;
import fr.guichet.insee.testing.Recordings;
import fr.guichet.providerkit.upstream.UpstreamClient;
import fr.guichet.providerkit.upstream.UpstreamHealth;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.providerkit.upstream.UpstreamsConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API-key authentication of INSEE's newer portal, and network failures, on the client alone
 * (no token store is involved in this mode).
 */
class SireneClientApiKeyTest {

    private WireMockServer insee;
    private Vertx vertx;

    @BeforeEach
    void start() {
        insee = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        insee.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        insee.stop();
        vertx.close();
    }

    private static SmallRyeConfig settings(String baseUrl) {
        return new SmallRyeConfigBuilder()
                .withMapping(InseeConfig.class)
                .withMapping(UpstreamsConfig.class)
                .withSources(new PropertiesConfigSource(Map.of(
                        "guichet.insee.sirene.base-url", baseUrl,
                        "guichet.insee.sirene.auth.mode", "api-key",
                        "guichet.insee.sirene.auth.api-key", "integration-key-123"), "test", 500))
                .build();
    }

    private static InseeConfig config(String baseUrl) {
        return settings(baseUrl).getConfigMapping(InseeConfig.class);
    }

    /** The kit's client of INSEE, without the fault tolerance that needs a running application. */
    private UpstreamClient upstream(String baseUrl) {
        UpstreamsConfig upstreams = settings(baseUrl).getConfigMapping(UpstreamsConfig.class);
        return Upstreams.unguarded(SireneClient.CIRCUIT, upstreams.upstream(SireneClient.CIRCUIT), vertx);
    }

    @Test
    void sendsTheApiKeyHeaderAndNoBearer() {
        Recordings.replay(insee, "siren/active_GE.yml");
        String baseUrl = "http://localhost:" + insee.port() + Recordings.SIRENE_PATH;
        InseeConfig config = config(baseUrl);
        UpstreamClient upstream = upstream(baseUrl);
        UpstreamHealth stats = upstream.health();
        SireneResponse response = new SireneClient(config, null, upstream).get("/siren/306138900");
        assertEquals(200, response.status());
        assertTrue(response.body().contains("SPORT-EXEMPLE"));
        insee.verify(getRequestedFor(urlEqualTo(Recordings.SIRENE_PATH + "/siren/306138900"))
                .withHeader("X-INSEE-Api-Key-Integration", equalTo("integration-key-123"))
                .withHeader("Authorization", absent()));
        assertEquals(1.0, stats.successRatio());
    }

    @Test
    void refusedConnectionIsProviderUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String baseUrl = "http://127.0.0.1:" + closedPort + Recordings.SIRENE_PATH;
        InseeConfig config = config(baseUrl);
        UpstreamClient upstream = upstream(baseUrl);
        UpstreamHealth stats = upstream.health();
        UpstreamFailure failure = assertThrows(UpstreamFailure.class, () -> new SireneClient(config, null, upstream).get("/siren/306138900"));
        assertEquals(504, failure.status());
        assertEquals("01001", failure.errors().get(0).code());
        assertEquals(0.0, stats.successRatio());
    }
}
