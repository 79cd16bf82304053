package fr.guichet.providerkit.maintenance;

import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.provider.MaintenanceWindows;
import fr.guichet.providerkit.config.KitConfig;
import fr.guichet.providerkit.error.ProviderErrors;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;

/**
 * The upstream's daily maintenance windows ({@code guichet.provider.maintenance-windows},
 * Europe/Paris): inside one, no call reaches the upstream nor the sandbox, and the caller gets
 * 503 {@code XX020} with {@code Retry-After} (the exception mapper) = seconds until it closes.
 * The time is the application's {@link Clock} bean when the provider has one (its tests move it
 * into a window), the system clock otherwise.
 */
@Singleton
public class ProviderMaintenance {

    private final MaintenanceWindows windows;
    private final Clock clock;

    @Inject
    public ProviderMaintenance(KitConfig config, Instance<Clock> clock) {
        this(new MaintenanceWindows(config.maintenanceWindows().orElse(List.of())),
                clock.isResolvable() ? clock.get() : Clock.systemUTC());
    }

    ProviderMaintenance(MaintenanceWindows windows, Clock clock) {
        this.windows = windows;
        this.clock = clock;
    }

    /** Seconds until the current window closes, or empty outside any window. */
    public OptionalLong secondsLeft() {
        return windows.secondsLeft(ZonedDateTime.now(clock));
    }

    /** Throws 503 {@code XX020} inside a window. */
    public void check(ProviderPrefix prefix) {
        check(prefix, null);
    }

    /** Throws 503 {@code XX020} inside a window, with {@code meta.provider} = {@code providerName} when given. */
    public void check(ProviderPrefix prefix, String providerName) {
        OptionalLong left = secondsLeft();
        if (left.isPresent()) {
            throw ProviderErrors.maintenance(prefix, providerName, left.getAsLong());
        }
    }
}
