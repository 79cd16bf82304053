package fr.guichet.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's per-call meters, tagged by operation id (the route catalogue's, never the URI,
 * which the data calls' path templates make useless for grouping) and provider: calls by HTTP
 * status, latency histogram, rate-limited calls, events the trace journal refused.
 */
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry registry;
    /**
     * The meters already registered, by their tags: a builder and a registry lookup per call
     * (new tag lists, a meter id to hash) were a measurable share of the data path's CPU.
     */
    private final Map<Answer, Counter> requests = new ConcurrentHashMap<>();
    private final Map<Answer, Timer> latencies = new ConcurrentHashMap<>();

    /** The tags of one answered call; {@code status} is 0 for the latency timer, which has none. */
    private record Answer(String operation, String provider, int status) {
    }

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Counts one answered call and records its latency.
     *
     * @param operation    the operation id, null when the path matched none ({@code none})
     * @param provider     the provider key, null for platform routes ({@code none})
     * @param status       the HTTP status answered
     * @param latencyNanos time from arrival to answer, in nanoseconds
     */
    public void response(String operation, String provider, int status, long latencyNanos) {
        String op = operation == null ? "none" : operation;
        String pr = provider == null ? "none" : provider;
        requests.computeIfAbsent(new Answer(op, pr, status), a -> Counter.builder("guichet.gateway.requests")
                .description("Calls answered by the gateway, by operation id, provider and HTTP status")
                .tag("operation", op).tag("provider", pr).tag("status", Integer.toString(status))
                .register(registry)).increment();
        latencies.computeIfAbsent(new Answer(op, pr, 0), a -> Timer.builder("guichet.gateway.latency")
                .description("Time from a call's arrival to its answer at the gateway, by operation id and provider")
                .tag("operation", op).tag("provider", pr)
                .publishPercentileHistogram()
                .register(registry)).record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    /** Counts a call refused with 429; {@code degraded} when Redis was away and the local limiter decided. */
    public void rateLimited(String operation, boolean degraded) {
        Counter.builder("guichet.gateway.rate_limited")
                .description("Calls refused with 429 by the rate limits, by operation id and limiter (redis or degraded local)")
                .tag("operation", operation).tag("mode", degraded ? "degraded" : "redis")
                .register(registry).increment();
    }

    /** Counts a data call refused with 503 because its trace could not be journalled. */
    public void traceRefused() {
        Counter.builder("guichet.gateway.journal.refused")
                .description("Data calls refused because the trace journal could not take their event (full or unwritable)")
                .register(registry).increment();
    }
}
