package fr.guichet.providerkit.health;

import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.providerkit.upstream.UpstreamHealth;
import fr.guichet.providerkit.upstream.Upstreams;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of an upstream as this provider sees it, the same for every provider: data
 * {@code mode}, and in production {@code circuit} (closed, open, half_open), {@code recent_calls},
 * {@code success_ratio} (3 decimals) and {@code last_success}. DOWN when production lacks the
 * upstream's settings ({@code reason}), or, for an upstream the whole provider depends on, while its
 * circuit is open (calls are refused without trying it). The sandbox has no upstream: UP.
 */
@ApplicationScoped
public class UpstreamReadiness {

    private final ProviderConfig provider;
    private final Upstreams upstreams;

    public UpstreamReadiness(ProviderConfig provider, Upstreams upstreams) {
        this.provider = provider;
        this.upstreams = upstreams;
    }

    /**
     * @param checkName  name of the health check (for instance {@code insee-sirene})
     * @param upstream   name of the upstream
     * @param configured whether production has everything needed to call it
     * @param critical   whether an open circuit makes the provider not ready (false when it serves other upstreams)
     */
    public HealthCheckResponse check(String checkName, String upstream, boolean configured, boolean critical) {
        return builder(checkName, upstream, configured, critical).build();
    }

    /** {@link #check}, for a provider that adds data of its own before building the response. */
    public HealthCheckResponseBuilder builder(String checkName, String upstream, boolean configured, boolean critical) {
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return HealthCheckResponse.named(checkName).withData("mode", provider.mode().label()).up();
        }
        if (!configured) {
            return notConfigured(checkName, provider.mode());
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(checkName).withData("mode", provider.mode().label());
        CircuitBreakerState state = upstreams.circuitState(upstream);
        UpstreamHealth health = upstreams.client(upstream).health();
        response.withData("circuit", state.name().toLowerCase(Locale.ROOT)).withData("recent_calls", health.calls());
        Double ratio = health.successRatio();
        if (ratio != null) {
            response.withData("success_ratio", String.format(Locale.ROOT, "%.3f", ratio));
        }
        if (health.lastSuccess() != null) {
            response.withData("last_success", health.lastSuccess().toString());
        }
        return response.status(!critical || state != CircuitBreakerState.OPEN);
    }

    /** Production without an upstream's settings can never call it (usable without CDI, in unit tests). */
    public static HealthCheckResponseBuilder notConfigured(String checkName, ProviderConfig.Mode mode) {
        return HealthCheckResponse.named(checkName).withData("mode", mode.label()).down()
                .withData("reason", "url or credentials not configured");
    }
}
