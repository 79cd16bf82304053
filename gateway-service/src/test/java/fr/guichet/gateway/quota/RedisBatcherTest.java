package fr.guichet.gateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Commands of one event-loop turn leave as one batch, against the real Redis (db 2 in tests). */
@QuarkusTest
class RedisBatcherTest {

    @Inject
    ReactiveRedisDataSource reactive;
    @Inject
    Vertx vertx;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private RedisBatcher batcher() {
        return new RedisBatcher(reactive.getRedis().getDelegate(), registry);
    }

    private double count(String name) {
        return registry.find(name).counter() == null ? 0 : registry.find(name).counter().count();
    }

    /** Issues every command from one task on an event loop: one turn of that loop. */
    private List<Response> inOneTurn(RedisBatcher batcher, List<Request> requests) throws Exception {
        CompletableFuture<List<Response>> all = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> {
            List<Uni<Response>> replies = new ArrayList<>();
            for (Request r : requests) {
                replies.add(batcher.send(r).memoize().indefinitely());
            }
            replies.forEach(u -> u.subscribe().with(x -> { }, f -> { }));
            Uni.join().all(replies).andFailFast().subscribe().with(all::complete, all::completeExceptionally);
        });
        return all.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theCommandsOfOneTurnLeaveAsOneBatchAndEachCallerGetsItsOwnReply() throws Exception {
        RedisBatcher batcher = batcher();
        String counter = "guichet:test:batch:" + UUID.randomUUID();
        String other = "guichet:test:batch:" + UUID.randomUUID();
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(Request.cmd(Command.INCR).arg(counter));
            requests.add(Request.cmd(Command.INCRBY).arg(other).arg(10));
        }
        List<Response> replies = inOneTurn(batcher, requests);
        for (int i = 0; i < 20; i++) {
            assertEquals(i + 1, replies.get(2 * i).toInteger(), "the counter's reply to the caller of its call " + i);
            assertEquals(10 * (i + 1), replies.get(2 * i + 1).toInteger(), "the other key's reply to the caller of its call " + i);
        }
        assertEquals(1, count("guichet.gateway.redis.batches"), "forty commands issued in one turn leave as one batch");
        assertEquals(40, count("guichet.gateway.redis.batched.commands"));
        reactive.key().del(counter, other).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aTurnBeyondTheLargestBatchLeavesInSeveral() throws Exception {
        RedisBatcher batcher = batcher();
        String counter = "guichet:test:batch:" + UUID.randomUUID();
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < RedisBatcher.MAX_BATCH + 10; i++) {
            requests.add(Request.cmd(Command.INCR).arg(counter));
        }
        List<Response> replies = inOneTurn(batcher, requests);
        for (int i = 0; i < replies.size(); i++) {
            assertEquals(i + 1, replies.get(i).toInteger(), "replies stay in the order of the calls");
        }
        assertEquals(2, count("guichet.gateway.redis.batches"));
        assertEquals(RedisBatcher.MAX_BATCH + 10, count("guichet.gateway.redis.batched.commands"));
        reactive.key().del(counter).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void offAnEventLoopACommandLeavesAtOnce() {
        RedisBatcher batcher = batcher();
        String key = "guichet:test:batch:" + UUID.randomUUID();
        Response reply = batcher.send(Request.cmd(Command.INCR).arg(key)).await().atMost(Duration.ofSeconds(5));
        assertEquals(1, reply.toInteger());
        assertEquals(0, count("guichet.gateway.redis.batches"), "a worker thread has no turn to wait for");
        reactive.key().del(key).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aRefusedCommandFailsTheCommandsOfItsBatchWhichRedisStillRan() throws Exception {
        RedisBatcher batcher = batcher();
        String counter = "guichet:test:batch:" + UUID.randomUUID();
        List<Request> requests = List.of(Request.cmd(Command.INCR).arg(counter),
                Request.cmd(Command.EVALSHA).arg("0000000000000000000000000000000000000000").arg(0),
                Request.cmd(Command.INCR).arg(counter));
        Exception failure = null;
        try {
            inOneTurn(batcher, requests);
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e;
        }
        assertTrue(failure != null && String.valueOf(failure.getCause().getMessage()).contains("NOSCRIPT"),
                "the batch's callers learn the refusal, so the guard's NOSCRIPT recovery applies: " + failure);
        assertEquals("2", reactive.string(String.class).get(counter).await().atMost(Duration.ofSeconds(5)),
                "Redis ran the other commands of the batch, each atomically, as if sent alone");
        reactive.key().del(counter).await().atMost(Duration.ofSeconds(5));
    }
}
