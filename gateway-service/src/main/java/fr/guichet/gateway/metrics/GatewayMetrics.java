package fr.guichet.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Per operation and provider: calls by status, latency histogram, rate-limited calls. */
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void response(String operation, String provider, int status, long latencyNanos) {
        String op = operation == null ? "none" : operation;
        String pr = provider == null ? "none" : provider;
        Counter.builder("guichet.gateway.requests")
                .tag("operation", op).tag("provider", pr).tag("status", Integer.toString(status))
                .register(registry).increment();
        Timer.builder("guichet.gateway.latency")
                .tag("operation", op).tag("provider", pr)
                .publishPercentileHistogram()
                .register(registry).record(Duration.ofNanos(latencyNanos));
    }

    public void rateLimited(String operation, boolean degraded) {
        Counter.builder("guichet.gateway.rate_limited")
                .tag("operation", operation).tag("mode", degraded ? "degraded" : "redis")
                .register(registry).increment();
    }

    public void traceRefused() {
        Counter.builder("guichet.gateway.journal.refused").register(registry).increment();
    }
}
