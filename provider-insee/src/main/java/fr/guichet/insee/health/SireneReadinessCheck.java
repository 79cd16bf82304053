package fr.guichet.insee.health;

import fr.guichet.insee.client.SireneClient;
import fr.guichet.insee.client.UpstreamStats;
import fr.guichet.common.provider.ProviderConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * INSEE Sirene as seen from here, for the gateway's {@code /ping/insee/sirene}: mode, circuit
 * state and success ratio of the recent calls. Down only while the circuit is open, i.e. while
 * calls are refused without trying INSEE.
 */
@Readiness
@ApplicationScoped
public class SireneReadinessCheck implements HealthCheck {

    static final String NAME = "insee-sirene";

    private final ProviderConfig provider;
    private final UpstreamStats stats;
    private final CircuitBreakerMaintenance circuits;

    public SireneReadinessCheck(ProviderConfig provider, UpstreamStats stats, CircuitBreakerMaintenance circuits) {
        this.provider = provider;
        this.stats = stats;
        this.circuits = circuits;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("mode", provider.mode().label());
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return response.up().build();
        }
        CircuitBreakerState state = circuits.currentState(SireneClient.CIRCUIT);
        response.withData("circuit", state.name().toLowerCase()).withData("recent_calls", stats.calls());
        Double ratio = stats.successRatio();
        if (ratio != null) {
            response.withData("success_ratio", String.format(Locale.ROOT, "%.3f", ratio));
        }
        if (stats.lastSuccess() != null) {
            response.withData("last_success", stats.lastSuccess().toString());
        }
        return response.status(state != CircuitBreakerState.OPEN).build();
    }
}
