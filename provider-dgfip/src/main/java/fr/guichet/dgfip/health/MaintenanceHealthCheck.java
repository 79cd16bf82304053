package fr.guichet.dgfip.health;

import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.providerkit.config.KitConfig;
import fr.guichet.providerkit.maintenance.ProviderMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether DGFIP is in its maintenance window (the kit's {@code guichet.provider.maintenance-windows}).
 * The service stays ready (it answers 503 03020 itself), so the check is UP and carries
 * {@code maintenance} and, inside a window, {@code retry_in} (seconds) for the gateway's status pages.
 */
@Readiness
@ApplicationScoped
public class MaintenanceHealthCheck implements HealthCheck {

    private final ProviderMaintenance maintenance;
    private final ProviderConfig provider;
    private final String windows;

    public MaintenanceHealthCheck(ProviderMaintenance maintenance, ProviderConfig provider, KitConfig kit) {
        this.maintenance = maintenance;
        this.provider = provider;
        this.windows = String.join(",", kit.maintenanceWindows().orElse(List.of())) + " Europe/Paris";
    }

    @Override
    public HealthCheckResponse call() {
        OptionalLong remaining = maintenance.secondsLeft();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("dgfip-upstream").up()
                .withData("mode", provider.mode().label())
                .withData("maintenance", remaining.isPresent())
                .withData("maintenance_window", windows);
        remaining.ifPresent(seconds -> builder.withData("retry_in", seconds));
        return builder.build();
    }
}
