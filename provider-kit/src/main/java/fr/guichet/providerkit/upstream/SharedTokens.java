package fr.guichet.providerkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * Upstream OAuth2 access tokens shared by every replica through Redis: the one token cache of
 * Guichet's providers (quarkus-oidc-client keeps tokens in each replica's memory, see the kit's
 * README for why it is not used).
 *
 * <ul>
 *   <li>A token is kept {@code expires_in - refresh-margin} seconds (half its life when the margin
 *   is longer), so a fresh one is fetched before the upstream would refuse the old one.</li>
 *   <li>Within a replica, concurrent callers that miss the cache wait for the one fetch in flight
 *   (a shared future, no lock held across the HTTP call, no polling); replicas do not lock each
 *   other: two replicas missing at once both fetch, and the last token written is shared.</li>
 *   <li>{@link #reject} drops a token the upstream refused (401) only if it is still the cached
 *   one (atomic compare-and-delete), so it never throws away a newer token of another replica.</li>
 *   <li>Without Redis, tokens are fetched for each call rather than failing it.</li>
 * </ul>
 */
@ApplicationScoped
public class SharedTokens {

    private static final Logger LOG = Logger.getLogger(SharedTokens.class);
    private static final String DELETE_IF_EQUAL =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final Store store;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentMap<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    @Inject
    public SharedTokens(RedisDataSource redis) {
        this(new RedisStore(redis));
    }

    SharedTokens(Store store) {
        this.store = store;
    }

    /** Where tokens are shared: Redis in the applications. */
    interface Store {
        String get(String key);

        void set(String key, String token, long seconds);

        /** Deletes {@code key} only if it still holds {@code token}, atomically. */
        void deleteIf(String key, String token);
    }

    private static final class RedisStore implements Store {
        private final RedisDataSource redis;
        private final ValueCommands<String, String> values;

        RedisStore(RedisDataSource redis) {
            this.redis = redis;
            this.values = redis.value(String.class);
        }

        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public void set(String key, String token, long seconds) {
            values.set(key, token, new SetArgs().ex(seconds));
        }

        @Override
        public void deleteIf(String key, String token) {
            redis.execute("EVAL", DELETE_IF_EQUAL, "1", key, token);
        }
    }

    /**
     * A valid access token of {@code grant}: the shared one, or a new one from its token endpoint
     * (called through {@code client}). Blocking.
     *
     * @throws UpstreamFailure      the token endpoint did not answer
     * @throws TokenEndpointFailure it answered without a token
     */
    public String token(UpstreamClient client, TokenGrant grant) {
        String cached = cached(grant.cacheKey());
        if (cached != null) {
            return cached;
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = inFlight.putIfAbsent(grant.cacheKey(), mine);
        if (running != null) {
            return join(running);
        }
        try {
            // Another caller of this replica may have stored one between our miss and our turn.
            String token = cached(grant.cacheKey());
            mine.complete(token != null ? token : fetch(client, grant));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        } finally {
            inFlight.remove(grant.cacheKey(), mine);
        }
        return join(mine);
    }

    /** The upstream refused {@code token}: forget it, unless another token replaced it meanwhile. */
    public void reject(TokenGrant grant, String token) {
        try {
            store.deleteIf(grant.cacheKey(), token);
        } catch (RuntimeException e) {
            LOG.warnf("Could not drop a refused token from Redis (%s): %s", grant.cacheKey(), e.getMessage());
        }
    }

    private String fetch(UpstreamClient client, TokenGrant grant) {
        UpstreamResponse response = client.callTokenEndpoint(grant.request());
        if (response.status() != 200) {
            LOG.errorf("%s token endpoint answered HTTP %d", client.name(), response.status());
            throw new TokenEndpointFailure(client.name(), response.status(), null);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new TokenEndpointFailure(client.name(), 200, "unreadable body");
        }
        String token = body == null ? null : body.path("access_token").asText(null);
        if (token == null || token.isBlank()) {
            throw new TokenEndpointFailure(client.name(), 200, "no access_token");
        }
        long expiresIn = body.path("expires_in").asLong(0);
        if (expiresIn > 0) {
            long keep = expiresIn - grant.refreshMargin().toSeconds();
            store(grant.cacheKey(), token, keep > 0 ? keep : Math.max(1, expiresIn / 2));
        }
        LOG.infof("New %s access token, valid %d s", client.name(), expiresIn);
        return token;
    }

    private String cached(String key) {
        try {
            return store.get(key);
        } catch (RuntimeException e) {
            LOG.warnf("Redis unavailable for %s, asking the upstream directly: %s", key, e.getMessage());
            return null;
        }
    }

    private void store(String key, String token, long seconds) {
        try {
            store.set(key, token, seconds);
        } catch (RuntimeException e) {
            LOG.warnf("Could not share the token %s through Redis: %s", key, e.getMessage());
        }
    }

    private static String join(CompletableFuture<String> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
