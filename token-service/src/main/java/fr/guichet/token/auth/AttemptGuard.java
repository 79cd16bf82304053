package fr.guichet.token.auth;

import fr.guichet.token.config.TokenConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Slows down guessing (OAuth2 client secrets, the admin bootstrap secret, magic-link requests)
 * per <em>client address</em>, in Redis so that every instance sees the same counts.
 *
 * <p>Each address has {@code guichet.token.throttle.free-failures} free failures (magic links:
 * {@code throttle.magic-link-requests} free requests) within {@code throttle.window}; every further one blocks that address for a delay that doubles,
 * from {@code throttle.first-delay} up to {@code throttle.max-delay}. Nothing is ever locked per
 * account, client id or e-mail: an attacker only slows down their own address, and the legitimate
 * owner of the secret, from another address, is never refused because of them (OWASP
 * Authentication Cheat Sheet, "Account lockout": lockout hands attackers a denial of service).
 */
@ApplicationScoped
public class AttemptGuard {

    static final String PREFIX = "guichet:throttle:auth:";
    private static final String BLOCK_SUFFIX = ":blocked";

    private final ReactiveValueCommands<String, Long> values;
    private final ReactiveKeyCommands<String> keys;
    private final TokenConfig.Throttle settings;

    public AttemptGuard(ReactiveRedisDataSource redis, TokenConfig config) {
        this.values = redis.value(Long.class);
        this.keys = redis.key();
        this.settings = config.throttle();
    }

    /** The throttling subject of a client address for one kind of attempt (e.g. {@code oauth}). */
    public static String address(String kind, String clientAddress) {
        return kind + ":ip:" + (clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress);
    }

    /** Seconds {@code subject} must still wait before its next attempt, or 0 when it may try now. */
    public Uni<Long> blockedFor(String subject) {
        return keys.pttl(PREFIX + subject + BLOCK_SUFFIX)
                .onFailure(RedisKeyNotFoundException.class).recoverWithItem(0L)
                .map(ms -> ms == null || ms <= 0 ? 0L : Math.max(1L, (ms + 999) / 1000));
    }

    /** Counts a failed attempt of {@code subject}; past {@code throttle.free-failures}, blocks it with backoff. */
    public Uni<Void> failed(String subject) {
        return failed(subject, settings.freeFailures());
    }

    /** Counts an attempt of {@code subject}; past {@code free} within the window, blocks it with backoff. */
    public Uni<Void> failed(String subject, int free) {
        String key = PREFIX + subject;
        return values.incr(key)
                .call(count -> keys.expire(key, settings.window()))
                .flatMap(count -> {
                    long beyond = count - free;
                    if (beyond <= 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Duration delay = backoff(beyond);
                    return values.set(key + BLOCK_SUFFIX, count, new SetArgs().px(delay)).replaceWithVoid();
                });
    }

    /** A success clears the subject's failures. */
    public Uni<Void> succeeded(String subject) {
        return keys.del(PREFIX + subject, PREFIX + subject + BLOCK_SUFFIX).replaceWithVoid();
    }

    /**
     * Counts one use of {@code subject} within {@code window} (fixed window starting at the first
     * use) and returns the count, for limits that must not block anybody (e.g. mails per address).
     */
    public Uni<Long> count(String subject, Duration window) {
        String key = PREFIX + subject;
        return values.incr(key).call(count -> count == 1 ? keys.expire(key, window) : Uni.createFrom().voidItem());
    }

    /** {@code first-delay × 2^(n-1)}, at most {@code max-delay}. */
    Duration backoff(long failuresBeyondFree) {
        long first = settings.firstDelay().toMillis();
        long max = settings.maxDelay().toMillis();
        int shift = (int) Math.min(failuresBeyondFree - 1, 30);
        long delay = first << shift;
        return Duration.ofMillis(delay <= 0 || delay > max ? max : delay);
    }
}
