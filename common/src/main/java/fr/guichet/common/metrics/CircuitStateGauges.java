package fr.guichet.common.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one encoding of a circuit breaker's state in Guichet's metrics, used by the gateway (one
 * circuit per provider adapter) and by every provider (one circuit per upstream): the gauge
 * {@code guichet_circuit_breaker_state{service,provider,state}} exists for each of the states
 * {@code closed}, {@code open} and {@code half_open}, worth 1 for the current state and 0 for the
 * others. One-hot rather than a numeric code, so that an alert or a dashboard reads
 * {@code guichet_circuit_breaker_state{state="open"} == 1} without knowing any numbering.
 */
public final class CircuitStateGauges {

    /** Micrometer name; Prometheus shows {@code guichet_circuit_breaker_state}. */
    public static final String NAME = "guichet.circuit.breaker.state";
    /** The values of the {@code state} tag, as SmallRye Fault Tolerance names them in lower case. */
    public static final List<String> STATES = List.of("closed", "open", "half_open");

    private CircuitStateGauges() {
    }

    /**
     * Registers the three gauges of one circuit.
     *
     * @param service  the service holding the circuit ({@code gateway}, {@code provider-insee})
     * @param provider the provider key ({@code insee})
     * @param extra    further tags ({@code upstream} in a provider), may be empty
     * @param state    the current state, an enum whose names are {@code CLOSED}, {@code OPEN},
     *                 {@code HALF_OPEN} (SmallRye's {@code CircuitBreakerState})
     */
    public static void register(MeterRegistry registry, String service, String provider, Tags extra,
                                Supplier<? extends Enum<?>> state) {
        for (String value : STATES) {
            Gauge.builder(NAME, state, s -> value.equals(name(s.get())) ? 1 : 0)
                    .description("State of a circuit breaker: 1 for its current state (closed, open or half_open), 0 for the others")
                    .tags(Tags.of("service", service, "provider", provider, "state", value).and(extra))
                    // Micrometer holds a gauge's object weakly: the supplier is often a lambda nobody else keeps.
                    .strongReference(true)
                    .register(registry);
        }
    }

    static String name(Enum<?> state) {
        return state == null ? "" : state.name().toLowerCase(Locale.ROOT);
    }
}
