package fr.guichet.providerkit.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the upstream client answers and how it classifies calls without an answer, against WireMock. */
class UpstreamClientTest {

    private WireMockServer upstream;
    private Vertx vertx;
    private UpstreamClient client;

    @BeforeEach
    void start() {
        upstream = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        upstream.start();
        vertx = Vertx.vertx();
        UpstreamsConfig config = new SmallRyeConfigBuilder()
                .withMapping(UpstreamsConfig.class)
                .withSources(new PropertiesConfigSource(Map.of(
                        "guichet.upstream.example.url", "http://localhost:" + upstream.port(),
                        "guichet.upstream.example.timeout", "PT1S"), "test", 500))
                .build()
                .getConfigMapping(UpstreamsConfig.class);
        client = Upstreams.unguarded("example", config.upstream("example"), vertx);
    }

    @AfterEach
    void stop() {
        client.close();
        vertx.close();
        upstream.stop();
    }

    @Test
    void answersEveryStatusWithItsHeadersAndCountsFailingOnes() {
        upstream.stubFor(get(urlEqualTo("/ok?siren=306138900&q=a+b")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
        upstream.stubFor(get(urlEqualTo("/busy")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        UpstreamResponse ok = client.call(UpstreamRequest.get("/ok").withQuery(Map.of("siren", "306138900"))
                .withQuery(Map.of("q", "a b")));
        assertEquals(200, ok.status());
        assertEquals("{\"ok\":true}", ok.text());
        assertEquals("application/json", ok.header("content-type").orElseThrow());

        UpstreamResponse busy = client.call(UpstreamRequest.get("/busy"));
        assertEquals(429, busy.status());
        assertTrue(busy.isUpstreamFailure());
        assertEquals(30L, busy.retryAfterSeconds().orElseThrow());
        assertEquals(0.5, client.health().successRatio());
        assertEquals(2, client.health().calls());
    }

    @Test
    void refusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(UpstreamFailure.Kind.UNREACHABLE, failure("http://127.0.0.1:" + closedPort + "/x").kind());
        assertEquals(0.0, client.health().successRatio());
    }

    @Test
    void resetConnectionIsUnreachable() {
        upstream.stubFor(get(urlEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertEquals(UpstreamFailure.Kind.UNREACHABLE, failure("/reset").kind());
    }

    @Test
    void unknownHostIsDns() {
        assertEquals(UpstreamFailure.Kind.DNS, failure("http://upstream.guichet.invalid/x").kind());
    }

    @Test
    void tlsToAPlainHttpServerIsTls() {
        assertEquals(UpstreamFailure.Kind.TLS, failure("https://localhost:" + upstream.port() + "/x").kind());
    }

    @Test
    void aStalledAnswerIsATimeout() {
        upstream.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        assertEquals(UpstreamFailure.Kind.TIMEOUT, failure("/slow").kind());
    }

    @Test
    void faultToleranceRefusalsAreClassified() {
        assertEquals(UpstreamFailure.Kind.CIRCUIT_OPEN,
                UpstreamFailure.classify("example", new CircuitBreakerOpenException("open")).kind());
        assertEquals(UpstreamFailure.Kind.BULKHEAD_FULL,
                UpstreamFailure.classify("example", new BulkheadException("full")).kind());
        assertEquals(UpstreamFailure.Kind.TIMEOUT, UpstreamFailure.classify("example",
                new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException("late")).kind());
    }

    private UpstreamFailure failure(String url) {
        UpstreamFailure failure = assertThrows(UpstreamFailure.class, () -> client.call(UpstreamRequest.get(url)));
        assertEquals("example", failure.upstream());
        return failure;
    }
}
