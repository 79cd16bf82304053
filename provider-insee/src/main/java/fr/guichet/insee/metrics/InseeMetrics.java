package fr.guichet.insee.metrics;

import fr.guichet.insee.client.SireneClient;
import fr.guichet.providerkit.upstream.UpstreamHealth;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.insee.sirene.service.InseeOperation;
import fr.guichet.insee.sirene.service.InseeAnswer.CacheStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * INSEE-specific Prometheus metrics at {@code /q/metrics}: cache hits and misses per operation,
 * recent upstream success ratio and circuit state (0 closed, 1 open, 2 half-open).
 */
@Startup
@ApplicationScoped
public class InseeMetrics {

    private final MeterRegistry registry;

    public InseeMetrics(MeterRegistry registry, Upstreams upstreams) {
        this.registry = registry;
        UpstreamHealth stats = upstreams.client(SireneClient.CIRCUIT).health();
        Gauge.builder("guichet.insee.upstream.success.ratio", stats, s -> s.successRatio() == null ? Double.NaN : s.successRatio())
                .description("Share of successful INSEE calls among the most recent ones")
                .register(registry);
        Gauge.builder("guichet.insee.upstream.circuit.state", upstreams,
                        u -> Upstreams.circuitValue(u.circuitState(SireneClient.CIRCUIT)))
                .description("INSEE circuit breaker: 0 closed, 1 open, 2 half-open")
                .register(registry);
    }

    public void cache(InseeOperation operation, CacheStatus status) {
        registry.counter("guichet.insee.cache", "operation", operation.id(), "result", status.header()).increment();
    }
}
