package fr.guichet.token.trace;

import fr.guichet.token.audit.TraceOutboxEntry;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Delivers admin traces from the outbox to trace-service, oldest first, in batches. A row is
 * marked delivered only after trace-service has answered 200 (it commits before answering and is
 * idempotent on the event id), so an outage delays traces but never loses or duplicates them.
 */
@ApplicationScoped
public class TraceOutboxShipper {

    private static final Logger LOG = Logger.getLogger(TraceOutboxShipper.class);
    static final int BATCH = 200;

    /** Outcome of one delivery round. */
    public record Round(int delivered, int pending, String error) {
    }

    @Inject
    @RestClient
    TraceServiceClient client;

    @Inject
    TraceCredentials credentials;

    @Inject
    TimeSource time;

    /** Back-off during an outage: 5 s, 10 s, 20 s ... up to 5 minutes between attempts. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private volatile int failuresInARow;
    private volatile Instant nextAttempt = Instant.EPOCH;

    @Scheduled(every = "${guichet.token.trace-service.ship-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (Instant.now().isBefore(nextAttempt)) {
            return Uni.createFrom().voidItem();
        }
        return drain(MAX_ROUNDS_PER_RUN).invoke(round -> {
            if (round.error() == null) {
                if (failuresInARow > 0) {
                    LOG.infof("trace-service reachable again after %d failed attempt(s)", failuresInARow);
                }
                failuresInARow = 0;
                nextAttempt = Instant.EPOCH;
            } else {
                failuresInARow++;
                long seconds = Math.min(MAX_BACKOFF.toSeconds(), 5L << Math.min(failuresInARow - 1, 10));
                nextAttempt = Instant.now().plusSeconds(seconds);
            }
        }).replaceWithVoid();
    }

    /** After an outage the backlog leaves in successive full batches within one run. */
    static final int MAX_ROUNDS_PER_RUN = 50;

    Uni<Round> drain(int roundsLeft) {
        return shipOnce().flatMap(round -> round.error() == null && round.delivered() == BATCH && roundsLeft > 1
                ? drain(roundsLeft - 1)
                : Uni.createFrom().item(round));
    }

    public Uni<Round> shipOnce() {
        return Panache.withSession(() -> TraceOutboxEntry.<TraceOutboxEntry>find(
                        "deliveredAt is null order by createdAt").page(0, BATCH).list())
                .flatMap(batch -> {
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(new Round(0, 0, null));
                    }
                    String body = "[" + String.join(",", batch.stream().map(e -> e.event).toList()) + "]";
                    List<UUID> ids = batch.stream().map(e -> e.id).toList();
                    return client.ingest(credentials.header(), body)
                            .flatMap(answer -> markDelivered(ids).replaceWith(new Round(ids.size(), 0, null)))
                            .onFailure().recoverWithUni(failure -> {
                                String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                                if (failuresInARow == 0) {
                                    LOG.warnf("trace-service unreachable, %d admin trace(s) kept in the outbox: %s", ids.size(), error);
                                } else {
                                    LOG.debugf("trace-service still unreachable (%d attempts): %s", failuresInARow + 1, error);
                                }
                                return markFailed(ids, error).replaceWith(new Round(0, ids.size(), error));
                            });
                });
    }

    private Uni<Void> markDelivered(List<UUID> ids) {
        Instant now = time.now();
        return Panache.withTransaction(() -> TraceOutboxEntry.update(
                "deliveredAt = ?1, attempts = attempts + 1, lastError = null where id in ?2", now, ids)).replaceWithVoid();
    }

    private Uni<Void> markFailed(List<UUID> ids, String error) {
        String truncated = error.length() > 500 ? error.substring(0, 500) : error;
        return Panache.withTransaction(() -> TraceOutboxEntry.update(
                "attempts = attempts + 1, lastError = ?1 where id in ?2", truncated, ids)).replaceWithVoid();
    }
}
