package fr.guichet.token.trace;

import fr.guichet.token.audit.TraceOutboxEntry;
import fr.guichet.token.time.TimeSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The backlog of admin traces waiting in the outbox for trace-service, as two gauges:
 * {@code guichet_token_trace_outbox_pending} (entries not delivered yet) and
 * {@code guichet_token_trace_outbox_oldest_seconds} (age in seconds of the oldest of them, 0 when
 * none). The outbox is measured on a schedule ({@code guichet.token.trace-service.outbox-measure-every},
 * default 15 s), never during a scrape; the age is computed at scrape time from the oldest entry's
 * creation, so it keeps growing between measures while trace-service stays away.
 */
@ApplicationScoped
public class TraceOutboxMeters {

    private static final Logger LOG = Logger.getLogger(TraceOutboxMeters.class);

    private final TimeSource time;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    public TraceOutboxMeters(MeterRegistry registry, TimeSource time) {
        this.time = time;
        Gauge.builder("guichet.token.trace.outbox.pending", pending, AtomicLong::get)
                .description("Admin traces in the outbox not yet delivered to trace-service")
                .register(registry);
        Gauge.builder("guichet.token.trace.outbox.oldest.seconds", this, TraceOutboxMeters::oldestAgeSeconds)
                .description("Age in seconds of the oldest admin trace waiting in the outbox, 0 when none waits")
                .register(registry);
    }

    /** Reads the outbox's backlog: how many entries wait, and since when the oldest does. */
    @Scheduled(every = "${guichet.token.trace-service.outbox-measure-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> measure() {
        return Panache.withSession(() -> TraceOutboxEntry.count("deliveredAt is null")
                        .flatMap(count -> TraceOutboxEntry.<TraceOutboxEntry>find("deliveredAt is null order by createdAt")
                                .firstResult()
                                .invoke(first -> {
                                    pending.set(count);
                                    oldest.set(first == null ? null : first.createdAt);
                                })))
                .onFailure().invoke(e -> LOG.warnf("Trace outbox not measured: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Entries waiting at the last measure. */
    public long pending() {
        return pending.get();
    }

    /** Age of the oldest waiting entry now, in seconds; 0 when none waited at the last measure. */
    public double oldestAgeSeconds() {
        Instant first = oldest.get();
        return first == null ? 0 : Math.max(0, time.now().getEpochSecond() - first.getEpochSecond());
    }
}
