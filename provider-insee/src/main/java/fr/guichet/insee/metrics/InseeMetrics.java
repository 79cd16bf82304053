package fr.guichet.insee.metrics;

import fr.guichet.insee.client.SireneClient;
import fr.guichet.providerkit.upstream.UpstreamHealth;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.insee.sirene.service.InseeOperation;
import fr.guichet.insee.sirene.service.InseeAnswer.CacheStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * INSEE-specific Prometheus metrics at {@code /q/metrics}: cache hits and misses per operation and
 * the recent upstream success ratio. The circuit state is the kit's
 * {@code guichet_circuit_breaker_state{upstream="insee-sirene"}}, one-hot like every circuit.
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
    }

    /** Counts one answer of {@code operation} by where it came from ({@code hit}: the cache, {@code miss}: INSEE). */
    public void cache(InseeOperation operation, CacheStatus status) {
        Counter.builder("guichet.insee.cache")
                .description("INSEE answers by operation id and cache result (hit: from the cache, miss: from INSEE)")
                .tag("operation", operation.id()).tag("result", status.header())
                .register(registry).increment();
    }
}
