package fr.guichet.token.token;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The Redis copy of token state that the gateway reads in its single round trip, and the
 * revocation channel. PostgreSQL stays the authority: this copy is rewritten on every change,
 * at start-up and by the periodic reconciliation.
 */
@ApplicationScoped
public class TokenStateCopy {

    public static final String KEY_PREFIX = "guichet:token:";
    public static final String REVOCATIONS_CHANNEL = "guichet:revocations";
    /** The copy outlives the token a little, so that late presentations still read "revoked". */
    static final Duration AFTER_END = Duration.ofDays(1);
    // Below the Redis client pool (6 connections, 24 waiters): a burst must not starve the revocation path.
    static final int CONCURRENT_WRITES = 4;

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keys;
    private final ReactivePubSubCommands<String> pubsub;

    public TokenStateCopy(ReactiveRedisDataSource redis) {
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.pubsub = redis.pubsub(String.class);
    }

    public static String key(String jti) {
        return KEY_PREFIX + jti;
    }

    public Uni<Void> write(TokenState state) {
        String key = key(state.jti());
        return hashes.hset(key, state.hashFields())
                .chain(() -> keys.expireat(key, state.exp() + AFTER_END.toSeconds()))
                .replaceWithVoid();
    }

    /** Rewrites many copies with a bounded number of Redis commands in flight (start-up, reconciliation). */
    public Uni<Void> writeAll(List<TokenState> states) {
        return Multi.createFrom().iterable(states)
                .onItem().transformToUni(this::write).merge(CONCURRENT_WRITES)
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> publishRevocation(String jti) {
        return pubsub.publish(REVOCATIONS_CHANNEL, jti);
    }
}
