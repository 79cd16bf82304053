package fr.guichet.gateway.quota;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * This replica's own set of revoked {@code jti}s, fed by token-service's {@code guichet:revocations}
 * channel and by every revoked state the guard reads, so that a Redis outage never readmits a
 * revoked token. The subscription is re-established by {@link RedisGuard}'s probe when it drops.
 */
@ApplicationScoped
public class RevokedTokens {

    public static final String CHANNEL = "guichet:revocations";
    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);
    private static final int MAX_ENTRIES = 1_000_000;

    private final Map<String, Long> revoked = new ConcurrentHashMap<>();
    private final ReactiveRedisDataSource redis;
    private volatile Cancellable subscription;
    private volatile boolean subscribed;

    public RevokedTokens(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    void start(@Observes StartupEvent event) {
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        Cancellable s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    public boolean isRevoked(String jti) {
        return revoked.containsKey(jti);
    }

    public void add(String jti) {
        if (revoked.size() >= MAX_ENTRIES) {
            // Oldest half goes: tokens live at most 18 months, their marks far less in practice.
            long cutoff = revoked.values().stream().sorted().skip(MAX_ENTRIES / 2).findFirst().orElse(Long.MAX_VALUE);
            revoked.values().removeIf(t -> t < cutoff);
        }
        if (revoked.putIfAbsent(jti, System.currentTimeMillis()) == null) {
            LOG.infof("Token %s revoked: refused by this replica from now on", jti);
        }
    }

    public boolean subscribed() {
        return subscribed;
    }

    /** (Re)subscribes to the revocation channel; a no-op while the subscription is alive. */
    public synchronized void subscribe() {
        if (subscribed) {
            return;
        }
        subscribed = true;
        subscription = redis.pubsub(String.class).subscribe(CHANNEL)
                .subscribe().with(this::add, failure -> {
                    LOG.warnf("Revocation channel lost (%s); local set kept, resubscribing when Redis answers", failure.toString());
                    subscribed = false;
                }, () -> subscribed = false);
    }

    /** Marks the subscription dead so the next probe re-creates it (e.g. after a Redis restart). */
    public synchronized void resubscribe() {
        Cancellable s = subscription;
        if (s != null) {
            s.cancel();
        }
        subscribed = false;
        subscribe();
    }
}
