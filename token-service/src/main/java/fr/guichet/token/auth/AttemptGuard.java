package fr.guichet.token.auth;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Counts failed authentications in Redis (shared by every instance) so that secrets cannot be
 * brute-forced: past {@code max} failures within the window, the subject is refused until the
 * window ends, even with the right secret.
 */
@ApplicationScoped
public class AttemptGuard {

    static final String PREFIX = "guichet:throttle:auth:";

    private final ReactiveValueCommands<String, Long> values;
    private final ReactiveKeyCommands<String> keys;

    public AttemptGuard(ReactiveRedisDataSource redis) {
        this.values = redis.value(Long.class);
        this.keys = redis.key();
    }

    /** Seconds to wait before trying again, or 0 when attempts are allowed. */
    public Uni<Long> blockedFor(String subject, int max) {
        String key = PREFIX + subject;
        return values.get(key).flatMap(count -> {
            if (count == null || count < max) {
                return Uni.createFrom().item(0L);
            }
            return keys.ttl(key).map(ttl -> Math.max(ttl, 1L));
        });
    }

    public Uni<Void> failed(String subject, Duration window) {
        String key = PREFIX + subject;
        return values.incr(key).flatMap(count -> count == 1
                ? keys.expire(key, window).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    public Uni<Void> succeeded(String subject) {
        return keys.del(PREFIX + subject).replaceWithVoid();
    }
}
