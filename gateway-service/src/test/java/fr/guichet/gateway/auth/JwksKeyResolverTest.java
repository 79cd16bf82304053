package fr.guichet.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWKS is read off the request path: a call resolves its key from the last fetched set, without I/O. */
class JwksKeyResolverTest {

    HttpServer server;
    final AtomicInteger fetches = new AtomicInteger();
    EllipticCurveJsonWebKey key;
    JwksKeyResolver resolver;

    @BeforeEach
    void serve() throws Exception {
        key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId("k1");
        byte[] jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        HttpsJwks source = new HttpsJwks("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
        // Expired at once: only the resolver's own snapshot keeps a call from fetching.
        source.setDefaultCacheDuration(0);
        resolver = new JwksKeyResolver(source, Duration.ofSeconds(30), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    JsonWebSignature signedWith(String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setKeyIdHeaderValue(kid);
        return jws;
    }

    @Test
    void aCallResolvesItsKeyFromTheBackgroundRefreshWithoutFetching() throws Exception {
        assertFalse(resolver.hasCachedKey("k1"), "nothing fetched yet: such a call goes to a worker thread");
        resolver.refresh();
        int afterRefresh = fetches.get();
        assertTrue(resolver.hasCachedKey("k1"));
        for (int i = 0; i < 5; i++) {
            assertNotNull(resolver.resolveKey(signedWith("k1"), List.of()));
        }
        assertEquals(afterRefresh, fetches.get(), "no JWKS fetch on the request path");
        assertFalse(resolver.hasCachedKey("unknown"), "an unknown kid needs a fetch: verified on a worker thread");
    }

    @Test
    void aFailedRefreshKeepsTheLastKeySet() throws Exception {
        resolver.refresh();
        server.stop(0);
        resolver.refresh();
        assertTrue(resolver.hasCachedKey("k1"), "tokens signed by known keys keep verifying through a blip");
    }
}
