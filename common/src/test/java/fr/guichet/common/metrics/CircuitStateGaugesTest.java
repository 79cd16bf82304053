package fr.guichet.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CircuitStateGaugesTest {

    enum State { CLOSED, OPEN, HALF_OPEN }

    @Test
    void exactlyTheCurrentStateIsOne() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<State> current = new AtomicReference<>(State.CLOSED);
        // A lambda nobody else holds, as callers pass: it must survive a garbage collection.
        CircuitStateGauges.register(registry, "gateway", "insee", Tags.empty(), () -> current.get());
        System.gc();
        assertEquals(1.0, value(registry, "closed"));
        assertEquals(0.0, value(registry, "open"));
        current.set(State.HALF_OPEN);
        assertEquals(0.0, value(registry, "closed"));
        assertEquals(0.0, value(registry, "open"));
        assertEquals(1.0, value(registry, "half_open"));
        current.set(State.OPEN);
        assertEquals(1.0, value(registry, "open"));
        assertEquals(0.0, value(registry, "half_open"));
    }

    private static double value(SimpleMeterRegistry registry, String state) {
        return registry.get(CircuitStateGauges.NAME).tags("service", "gateway", "provider", "insee", "state", state)
                .gauge().value();
    }
}
