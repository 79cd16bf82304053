package fr.guichet.providerkit.upstream;

import fr.guichet.common.metrics.CircuitStateGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upstream clients of this provider, one per name, created on first use from
 * {@code guichet.upstream.<name>.*}. Each has its own circuit breaker, named after the upstream
 * (so {@link CircuitBreakerMaintenance} finds it), and its gauges
 * {@code guichet_circuit_breaker_state{service,provider,upstream,state}}, one-hot as everywhere
 * in Guichet ({@link CircuitStateGauges}).
 */
@ApplicationScoped
public class Upstreams {

    private static final TypeLiteral<Uni<UpstreamResponse>> ANSWER = new TypeLiteral<>() {
    };

    private final UpstreamsConfig config;
    private final Vertx vertx;
    private final TlsConfigurationRegistry tls;
    private final MeterRegistry registry;
    private final CircuitBreakerMaintenance circuits;
    private final String service;
    private final ConcurrentMap<String, UpstreamClient> clients = new ConcurrentHashMap<>();

    /** @param service this provider's {@code quarkus.application.name}: the {@code service} tag of its gauges */
    public Upstreams(UpstreamsConfig config, Vertx vertx, TlsConfigurationRegistry tls, MeterRegistry registry,
                     CircuitBreakerMaintenance circuits,
                     @ConfigProperty(name = "quarkus.application.name") String service) {
        this.service = service;
        this.config = config;
        this.vertx = vertx;
        this.tls = tls;
        this.registry = registry;
        this.circuits = circuits;
    }

    /** The client of upstream {@code name}. */
    public UpstreamClient client(String name) {
        return clients.computeIfAbsent(name, this::create);
    }

    /** State of the circuit of upstream {@code name}. */
    public CircuitBreakerState circuitState(String name) {
        client(name);
        return circuits.currentState(name);
    }

    /** The names of the configured upstreams ({@code guichet.upstream.<name>.*}). */
    public java.util.Set<String> configured() {
        return config.upstreams().keySet();
    }

    private UpstreamClient create(String name) {
        UpstreamsConfig.Upstream settings = config.upstream(name);
        UpstreamClient client = new UpstreamClient(name, settings, vertx, tls::get, registry,
                guard(name, settings, true), guard(name + "-token", settings, false));
        String provider = service.startsWith("provider-") ? service.substring("provider-".length()) : service;
        CircuitStateGauges.register(registry, service, provider, Tags.of("upstream", name),
                () -> circuits.currentState(name));
        return client;
    }

    /** Timeout, bulkhead and circuit breaker of one upstream (the token endpoint gets its own circuit). */
    static TypedGuard<Uni<UpstreamResponse>> guard(String circuitName, UpstreamsConfig.Upstream settings,
                                                  boolean bulkhead) {
        TypedGuard.Builder<Uni<UpstreamResponse>> builder = TypedGuard.create(ANSWER)
                .withDescription("upstream " + circuitName)
                .withTimeout().duration(settings.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                .name(circuitName)
                .requestVolumeThreshold(settings.circuitBreaker().requestVolumeThreshold())
                .failureRatio(settings.circuitBreaker().failureRatio())
                .delay(settings.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(settings.circuitBreaker().successThreshold())
                .done();
        if (bulkhead) {
            builder = builder.withBulkhead().limit(settings.bulkhead().size()).queueSize(settings.bulkhead().queue()).done();
        }
        return builder.build();
    }

    @PreDestroy
    void close() {
        clients.values().forEach(UpstreamClient::close);
    }

    /** For a provider's unit tests outside a Quarkus application: no fault tolerance, no metrics. */
    public static UpstreamClient unguarded(String name, UpstreamsConfig.Upstream settings, Vertx vertx) {
        TypedGuard<Uni<UpstreamResponse>> none = new TypedGuard<>() {
            @Override
            public Uni<UpstreamResponse> call(java.util.concurrent.Callable<Uni<UpstreamResponse>> action) throws Exception {
                return action.call();
            }

            @Override
            public Uni<UpstreamResponse> get(java.util.function.Supplier<Uni<UpstreamResponse>> action) {
                return action.get();
            }
        };
        return new UpstreamClient(name, settings, vertx, n -> Optional.empty(), null, none, none);
    }
}
