package fr.guichet.gateway.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the Redis commands that calls issue during one turn of an event loop as one batch: one
 * socket write from the gateway, and on Redis's side one read and one reply for all of them.
 * Sent one by one, each command costs a system call each way on both sides, which the profile of
 * the data path found to be the largest share of its Redis cost ({@code docs/benchmarks.md}).
 *
 * <p>A command issued on an event loop waits for the end of the loop's current turn (the other
 * requests that arrived with it are handled first), then leaves with the others of that turn, in
 * the order they were issued. A command issued off an event loop (a worker thread) is sent at once.
 *
 * <p>Redis runs the commands of a batch one after the other, each atomically, as if sent alone;
 * but the client reports the batch as one result: when one command of it is refused (an error
 * reply, such as {@code NOSCRIPT}), every command of the batch fails with that error, and the
 * callers' own error handling applies (a missing script is loaded again and the call retried).
 */
final class RedisBatcher {

    /** Most commands in one batch: far under the client's waiting queue (2,048 by default). */
    static final int MAX_BATCH = 256;

    private final Redis redis;
    /** Per event-loop thread, and per batcher: a turn's commands leave by the client they were given to. */
    private final ThreadLocal<Turn> turns = ThreadLocal.withInitial(Turn::new);
    private final Counter batches;
    private final Counter batched;

    /**
     * @param registry where the batches sent and the commands they carried are counted
     *                 ({@code guichet.gateway.redis.batches}, {@code guichet.gateway.redis.batched.commands}:
     *                 their ratio is the mean batch size)
     */
    RedisBatcher(Redis redis, MeterRegistry registry) {
        this.redis = redis;
        this.batches = Counter.builder("guichet.gateway.redis.batches")
                .description("Batches of Redis commands sent at the end of an event loop's turn").register(registry);
        this.batched = Counter.builder("guichet.gateway.redis.batched.commands")
                .description("Redis commands sent in those batches").register(registry);
    }

    /** Commands waiting for the end of one event loop's turn. Only that loop's thread touches it. */
    private static final class Turn {
        List<Pending> pending = new ArrayList<>();
    }

    private record Pending(Request request, UniEmitter<? super Response> emitter) {
    }

    /** Sends the command with the others of this turn (see the class comment); its reply, or its failure. */
    Uni<Response> send(Request request) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            if (context == null || !Context.isOnEventLoopThread()) {
                redis.send(request).onComplete(reply -> complete(emitter, reply));
                return;
            }
            Turn turn = turns.get();
            turn.pending.add(new Pending(request, emitter));
            if (turn.pending.size() == 1) {
                // Runs once the loop has handled what this turn brought (Netty runs tasks after I/O).
                context.runOnContext(v -> flush(turn));
            } else if (turn.pending.size() >= MAX_BATCH) {
                flush(turn);
            }
        });
    }

    private void flush(Turn turn) {
        List<Pending> batch = turn.pending;
        if (batch.isEmpty()) {
            return;
        }
        turn.pending = new ArrayList<>();
        batches.increment();
        batched.increment(batch.size());
        if (batch.size() == 1) {
            Pending only = batch.get(0);
            redis.send(only.request()).onComplete(reply -> complete(only.emitter(), reply));
            return;
        }
        List<Request> requests = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            requests.add(p.request());
        }
        redis.batch(requests).onComplete(replies -> {
            for (int i = 0; i < batch.size(); i++) {
                UniEmitter<? super Response> emitter = batch.get(i).emitter();
                if (replies.succeeded()) {
                    io.vertx.redis.client.Response reply = replies.result().get(i);
                    emitter.complete(reply == null ? null : Response.newInstance(reply));
                } else {
                    emitter.fail(replies.cause());
                }
            }
        });
    }

    private static void complete(UniEmitter<? super Response> emitter, AsyncResult<io.vertx.redis.client.Response> reply) {
        if (reply.succeeded()) {
            emitter.complete(reply.result() == null ? null : Response.newInstance(reply.result()));
        } else {
            emitter.fail(reply.cause());
        }
    }
}
