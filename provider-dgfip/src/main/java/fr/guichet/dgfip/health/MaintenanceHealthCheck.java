package fr.guichet.dgfip.health;

import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.dgfip.maintenance.MaintenanceWindow;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether DGFIP is in its maintenance window. The service stays ready (it answers 503 03020
 * itself), so the check is UP and carries {@code maintenance} for the gateway's status pages.
 */
@Readiness
@ApplicationScoped
public class MaintenanceHealthCheck implements HealthCheck {

    private final MaintenanceWindow window;
    private final ProviderConfig provider;

    public MaintenanceHealthCheck(MaintenanceWindow window, ProviderConfig provider) {
        this.window = window;
        this.provider = provider;
    }

    @Override
    public HealthCheckResponse call() {
        var remaining = window.remaining();
        var builder = HealthCheckResponse.named("dgfip-upstream").up()
                .withData("mode", provider.mode().label())
                .withData("maintenance", remaining.isPresent())
                .withData("maintenance_window", window.description());
        remaining.ifPresent(seconds -> builder.withData("retry_in", seconds));
        return builder.build();
    }
}
