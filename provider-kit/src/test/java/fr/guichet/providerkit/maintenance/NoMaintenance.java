package fr.guichet.providerkit.maintenance;

import fr.guichet.common.provider.MaintenanceWindows;
import java.time.Clock;
import java.util.List;

/** A provider without maintenance windows, for the kit's tests outside a CDI container. */
public final class NoMaintenance {

    private NoMaintenance() {
    }

    public static ProviderMaintenance windows() {
        return new ProviderMaintenance(new MaintenanceWindows(List.of()), Clock.systemUTC());
    }
}
