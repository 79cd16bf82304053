package fr.guichet.dgfip.maintenance;

import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * DGFIP's nightly maintenance: no call reaches the upstream (nor the sandbox) inside the window;
 * callers get 503 03020 with {@code retry_in} = seconds until the window closes.
 */
@ApplicationScoped
public class MaintenanceWindow {

    private final Clock clock;
    private final DgfipConfig.Maintenance config;
    private final ZoneId zone;

    public MaintenanceWindow(Clock clock, DgfipConfig config) {
        this.clock = clock;
        this.config = config.maintenance();
        this.zone = ZoneId.of(this.config.zone());
    }

    /** Seconds left in the current window, or empty outside it. */
    public Optional<Long> remaining() {
        if (!config.enabled()) {
            return Optional.empty();
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        LocalTime time = now.toLocalTime();
        LocalTime from = config.from();
        LocalTime to = config.to();
        boolean crossesMidnight = to.isBefore(from);
        boolean inside = crossesMidnight
                ? !time.isBefore(from) || time.isBefore(to)
                : !time.isBefore(from) && time.isBefore(to);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime end = now.with(to).withNano(0);
        if (!end.isAfter(now)) {
            end = end.plusDays(1);
        }
        return Optional.of(Math.max(1, Duration.between(now, end).toSeconds()));
    }

    public boolean active() {
        return remaining().isPresent();
    }

    /** Throws 503 03020 when DGFIP is in maintenance. */
    public void check(String provider) {
        remaining().ifPresent(seconds -> {
            throw DgfipErrors.maintenance(provider, "Le fournisseur de données est en maintenance chaque jour de "
                    + config.from() + " à " + config.to() + " (heure de Paris). Réessayez dans " + seconds
                    + " secondes.", seconds);
        });
    }

    public String description() {
        return config.from() + "-" + config.to() + " " + zone;
    }
}
