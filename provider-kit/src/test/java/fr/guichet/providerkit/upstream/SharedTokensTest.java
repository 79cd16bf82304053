package fr.guichet.providerkit.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared token cache: forms as upstreams recorded them, one fetch in flight, compare-and-delete. */
class SharedTokensTest {

    private static final String TOKEN = "{\"access_token\":\"jeton-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

    private WireMockServer upstream;
    private Vertx vertx;
    private UpstreamClient client;
    private final MemoryStore store = new MemoryStore();
    private SharedTokens tokens;

    @BeforeEach
    void start() {
        upstream = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        upstream.start();
        vertx = Vertx.vertx();
        UpstreamsConfig config = new SmallRyeConfigBuilder().withMapping(UpstreamsConfig.class).build()
                .getConfigMapping(UpstreamsConfig.class);
        client = Upstreams.unguarded("example", config.upstream("example"), vertx);
        tokens = new SharedTokens(store);
    }

    @AfterEach
    void stop() {
        client.close();
        vertx.close();
        upstream.stop();
    }

    private TokenGrant basic() {
        return TokenGrant.clientCredentials("k", "http://localhost:" + upstream.port() + "/token", TokenGrant.ClientAuth.BASIC,
                "id", "secret", Optional.of("entreprise ensu"), Duration.ofSeconds(60));
    }

    @Test
    void clientSecretBasicWithScope() {
        upstream.stubFor(post(urlEqualTo("/token")).withHeader("Authorization", equalTo("Basic aWQ6c2VjcmV0"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=entreprise+ensu"))
                .willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        assertEquals("jeton-1", tokens.token(client, basic()));
        assertEquals(3540, store.ttls.get("k"), "expires_in minus the refresh margin");
    }

    @Test
    void passwordGrantWithClientCredentialsInTheFormAsInseeRecordedIt() {
        upstream.stubFor(post(urlEqualTo("/token"))
                .withRequestBody(equalTo("client_id=a&client_secret=b&grant_type=password&username=u&password=p"))
                .willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        TokenGrant grant = new TokenGrant("k", "http://localhost:" + upstream.port() + "/token", TokenGrant.ClientAuth.POST,
                "a", "b", Optional.empty(), Optional.of("u"), Optional.of("p"), Duration.ofSeconds(60));
        assertEquals("jeton-1", tokens.token(client, grant));
    }

    @Test
    void clientCredentialsAsAJsonBodyAsCibtpRecordedThem() {
        upstream.stubFor(post(urlEqualTo("/token")).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo("{\"client_id\":\"a\",\"client_secret\":\"b\"}"))
                .willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        TokenGrant grant = TokenGrant.clientCredentials("k", "http://localhost:" + upstream.port() + "/token",
                TokenGrant.ClientAuth.JSON, "a", "b", Optional.empty(), Duration.ofSeconds(60));
        assertEquals("jeton-1", tokens.token(client, grant));
    }

    @Test
    void concurrentMissesShareOneFetch() throws Exception {
        upstream.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200).withBody(TOKEN)
                .withFixedDelay(500)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> tokens.token(client, basic())));
            }
            for (Future<String> result : results) {
                assertEquals("jeton-1", result.get());
            }
        } finally {
            pool.shutdown();
        }
        upstream.verify(1, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void aRefusalReachesTheCallerAndTheNextCallTriesAgain() {
        upstream.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(401)));
        TokenEndpointFailure failure = assertThrows(TokenEndpointFailure.class, () -> tokens.token(client, basic()));
        assertEquals(401, failure.status());
        upstream.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200).withBody("{\"token_type\":\"Bearer\"}")));
        assertEquals(true, assertThrows(TokenEndpointFailure.class, () -> tokens.token(client, basic())).malformed());
        upstream.verify(2, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void rejectingKeepsANewerToken() {
        store.set("k", "newer", 100);
        tokens.reject(basic(), "refused");
        assertEquals("newer", store.get("k"));
        tokens.reject(basic(), "newer");
        assertNull(store.get("k"));
    }

    /** Redis stand-in with the same compare-and-delete semantics as the Lua script. */
    static final class MemoryStore implements SharedTokens.Store {
        final Map<String, String> values = new ConcurrentHashMap<>();
        final Map<String, Long> ttls = new ConcurrentHashMap<>();

        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public void set(String key, String token, long seconds) {
            values.put(key, token);
            ttls.put(key, seconds);
        }

        @Override
        public void deleteIf(String key, String token) {
            values.remove(key, token);
        }
    }
}
