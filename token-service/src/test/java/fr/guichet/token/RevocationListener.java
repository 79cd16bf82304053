package fr.guichet.token;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A real subscriber of {@code guichet:revocations}, recording when each jti arrived. */
final class RevocationListener implements AutoCloseable {

    private final Map<String, Long> receivedAtNanos = new ConcurrentHashMap<>();
    private final PubSubCommands.RedisSubscriber subscriber;

    RevocationListener(RedisDataSource redis) {
        this.subscriber = redis.pubsub(String.class)
                .subscribe("guichet:revocations", jti -> receivedAtNanos.putIfAbsent(jti, System.nanoTime()));
    }

    /** Nano time at which {@code jti} arrived, waiting up to {@code timeoutMs}; null if it never did. */
    Long awaitMessage(String jti, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            Long at = receivedAtNanos.get(jti);
            if (at != null) {
                return at;
            }
            Thread.sleep(1);
        }
        return receivedAtNanos.get(jti);
    }

    @Override
    public void close() {
        subscriber.unsubscribe();
    }
}
