package fr.guichet.providerkit.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Transport and fault-tolerance settings of each named upstream, under
 * {@code guichet.upstream.<name>.*} (for instance {@code guichet.upstream.insee-sirene.timeout=3S}).
 * An upstream nobody configured gets the defaults below. Durations take Quarkus' syntax
 * ({@code 2S}, {@code 500ms}, {@code PT10S}).
 */
@ConfigMapping(prefix = "guichet.upstream")
public interface UpstreamsConfig {

    /** Settings by upstream name. */
    @WithParentName
    @WithDefaults
    Map<String, Upstream> upstreams();

    /** The settings of {@code name}, defaults included. */
    default Upstream upstream(String name) {
        return upstreams().get(name);
    }

    /** One upstream. */
    interface Upstream {

        /** Base URL that relative request paths are resolved against; absolute URLs are used as given. */
        Optional<String> url();

        /** Time allowed to open a TCP (and TLS) connection. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        /** Time allowed for a whole exchange, response body included; beyond it the call fails as a timeout. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Keep-alive connections kept open to this upstream, at most. */
        @WithDefault("20")
        int poolSize();

        /** An idle pooled connection is closed after this long. */
        @WithDefault("PT60S")
        Duration keepAliveTimeout();

        /** Name of the Quarkus TLS registry entry ({@code quarkus.tls.<name>.key-store/trust-store}) for mutual TLS. */
        Optional<String> tlsConfigurationName();

        CircuitBreaker circuitBreaker();

        Bulkhead bulkhead();

        /** Number of most recent calls the success ratio of readiness is computed on. */
        @WithDefault("100")
        int healthWindow();
    }

    /** The circuit opens when {@code failure-ratio} of the last {@code request-volume-threshold} calls failed. */
    interface CircuitBreaker {

        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** Time the circuit stays open before trial calls are let through. */
        @WithDefault("PT30S")
        Duration delay();

        /** Successful trial calls needed to close it again. */
        @WithDefault("2")
        int successThreshold();
    }

    /** Concurrent calls to the upstream, and calls waiting for a slot; beyond, a call fails at once. */
    interface Bulkhead {

        @WithDefault("20")
        int size();

        @WithDefault("50")
        int queue();
    }
}
