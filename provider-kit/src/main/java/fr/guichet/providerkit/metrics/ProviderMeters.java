package fr.guichet.providerkit.metrics;

import fr.guichet.providerkit.upstream.Upstreams;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Registers, at start-up, the circuit gauges of every configured upstream
 * ({@code guichet.upstream.<name>.*}) rather than on its first call, which never comes in sandbox
 * mode: a provider shows the same meter families in every mode ({@link ProviderRequestMeter} for
 * the calls).
 */
@Startup
@ApplicationScoped
public class ProviderMeters {

    public ProviderMeters(Upstreams upstreams) {
        upstreams.configured().forEach(upstreams::client);
    }
}
