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
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
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

    @BeforeEach
    void start() {
        insee = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        insee.start();
    }

    @AfterEach
    void stop() {
        insee.stop();
    }

    private static InseeConfig config(String baseUrl) {
        return new SmallRyeConfigBuilder()
                .withMapping(InseeConfig.class)
                .withSources(new PropertiesConfigSource(Map.of(
                        "guichet.insee.sirene.base-url", baseUrl,
                        "guichet.insee.sirene.auth.mode", "api-key",
                        "guichet.insee.sirene.auth.api-key", "integration-key-123"), "test", 500))
                .build()
                .getConfigMapping(InseeConfig.class);
    }

    @Test
    void sendsTheApiKeyHeaderAndNoBearer() {
        Recordings.replay(insee, "siren/active_GE.yml");
        InseeConfig config = config("http://localhost:" + insee.port() + Recordings.SIRENE_PATH);
        UpstreamStats stats = new UpstreamStats(config);
        SireneResponse response = new SireneClient(config, null, stats).get("/siren/306138900");
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
        InseeConfig config = config("http://127.0.0.1:" + closedPort + Recordings.SIRENE_PATH);
        UpstreamStats stats = new UpstreamStats(config);
        UpstreamFailure failure = assertThrows(UpstreamFailure.class, () -> new SireneClient(config, null, stats).get("/siren/306138900"));
        assertEquals(504, failure.status());
        assertEquals("01001", failure.errors().get(0).code());
        assertEquals(0.0, stats.successRatio());
    }
}
