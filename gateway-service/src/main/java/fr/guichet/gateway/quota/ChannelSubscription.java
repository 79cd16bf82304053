package fr.guichet.gateway.quota;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.function.Consumer;

/**
 * A subscription to one Redis channel that knows when it has died (Redis restarted or
 * unreachable), so that a periodic task can re-create it: {@link #open()} is a no-op while it is
 * alive, {@link #reopen()} forces a new one. Used for {@code guichet:revocations} and
 * {@code guichet:incidents}.
 */
public final class ChannelSubscription {

    private final ReactiveRedisDataSource redis;
    private final String channel;
    private final Consumer<String> onMessage;
    private final Consumer<Throwable> onLost;
    private volatile Cancellable subscription;
    private volatile boolean alive;

    /**
     * @param onMessage called with each message, on the Redis client's event loop (must not block)
     * @param onLost    called when the subscription fails; it is then re-created by the next {@link #open()}
     */
    public ChannelSubscription(ReactiveRedisDataSource redis, String channel, Consumer<String> onMessage,
                               Consumer<Throwable> onLost) {
        this.redis = redis;
        this.channel = channel;
        this.onMessage = onMessage;
        this.onLost = onLost;
    }

    /** Subscribes unless a live subscription exists. */
    public synchronized void open() {
        if (alive) {
            return;
        }
        alive = true;
        subscription = redis.pubsub(String.class).subscribe(channel)
                .subscribe().with(onMessage, failure -> {
                    alive = false;
                    onLost.accept(failure);
                }, () -> alive = false);
    }

    /** Drops the current subscription, maybe silently dead after a Redis restart, and subscribes again. */
    public synchronized void reopen() {
        close();
        open();
    }

    /** Whether the subscription is believed alive. */
    public boolean alive() {
        return alive;
    }

    public synchronized void close() {
        Cancellable s = subscription;
        if (s != null) {
            s.cancel();
        }
        alive = false;
    }
}
