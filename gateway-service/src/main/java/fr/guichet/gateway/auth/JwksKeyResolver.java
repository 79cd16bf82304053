package fr.guichet.gateway.auth;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Finds the verification key of a JWS by {@code kid} in token-service's JWKS. The key set is
 * cached and refreshed off the request path ({@link #refresh}, scheduled by {@link TokenVerifier});
 * a call finds its key in the last fetched set without any I/O. An unknown {@code kid} (key
 * rotation) forces a refresh, at most once per interval, so that forged {@code kid}s cannot make
 * the gateway hammer token-service; such a call is verified on a worker thread ({@link #hasCachedKey}).
 */
public class JwksKeyResolver implements VerificationKeyResolver {

    private static final Logger LOG = Logger.getLogger(JwksKeyResolver.class);

    private final HttpsJwks jwks;
    private final long minRefreshMillis;
    private final Clock clock;
    private final AtomicLong lastForcedRefresh = new AtomicLong(Long.MIN_VALUE / 2);
    private volatile boolean reachable;
    private volatile boolean everFetched;
    /** The last key set fetched: what calls read, so that they never wait on token-service. */
    private volatile List<JsonWebKey> cached;

    public JwksKeyResolver(HttpsJwks jwks, Duration minRefreshInterval, Clock clock) {
        this.jwks = jwks;
        this.minRefreshMillis = minRefreshInterval.toMillis();
        this.clock = clock;
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        if (kid == null) {
            throw new UnresolvableKeyException("JWS without kid");
        }
        List<JsonWebKey> known = cached;
        Key key = find(kid, known != null ? known : keys());
        if (key == null && tryForcedRefresh()) {
            key = find(kid, keys());
        }
        if (key == null) {
            throw new UnresolvableKeyException("Unknown kid " + kid);
        }
        return key;
    }

    /** True when the last JWKS fetch succeeded (readiness). Fetches if nothing is cached. */
    public boolean checkReachable() {
        refresh();
        return reachable;
    }

    /**
     * Fetches the key set now (blocking: scheduler and readiness threads only). A failure keeps the
     * last set: tokens signed by known keys keep verifying through a token-service blip.
     */
    public void refresh() {
        try {
            jwks.refresh();
            keys();
        } catch (Exception e) {
            reachable = false;
            LOG.debugf("JWKS refresh failed: %s", e.toString());
        }
    }

    /** True when a key of this {@code kid} is in the last fetched set: verifying needs no I/O. */
    public boolean hasCachedKey(String kid) {
        List<JsonWebKey> known = cached;
        return kid != null && known != null && find(kid, known) != null;
    }

    public boolean lastFetchSucceeded() {
        return reachable;
    }

    /** True once a key set was fetched: cached keys keep verifying tokens through a token-service blip. */
    public boolean everFetched() {
        return everFetched;
    }

    private List<JsonWebKey> keys() throws UnresolvableKeyException {
        try {
            List<JsonWebKey> keys = jwks.getJsonWebKeys();
            cached = List.copyOf(keys);
            reachable = true;
            everFetched = true;
            return keys;
        } catch (Exception e) {
            reachable = false;
            throw new UnresolvableKeyException("JWKS of token-service unreachable: " + e.getMessage(), e);
        }
    }

    private boolean tryForcedRefresh() throws UnresolvableKeyException {
        long now = clock.millis();
        long last = lastForcedRefresh.get();
        if (now - last < minRefreshMillis || !lastForcedRefresh.compareAndSet(last, now)) {
            return false;
        }
        try {
            LOG.info("Unknown kid: refreshing token-service JWKS");
            jwks.refresh();
            cached = List.copyOf(jwks.getJsonWebKeys());
            reachable = true;
            return true;
        } catch (Exception e) {
            reachable = false;
            throw new UnresolvableKeyException("JWKS refresh failed: " + e.getMessage(), e);
        }
    }

    private static Key find(String kid, List<JsonWebKey> keys) {
        for (JsonWebKey k : keys) {
            if (kid.equals(k.getKeyId()) && k instanceof PublicJsonWebKey pk
                    && "EC".equals(k.getKeyType()) && (k.getUse() == null || "sig".equals(k.getUse()))) {
                return pk.getPublicKey();
            }
        }
        return null;
    }

}
