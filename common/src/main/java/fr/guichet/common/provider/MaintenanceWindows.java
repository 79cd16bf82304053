package fr.guichet.common.provider;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Daily maintenance windows ({@code HH:mm-HH:mm}, Europe/Paris) during which a provider is closed:
 * the one implementation the gateway (before forwarding) and the provider kit (before answering)
 * both use. A window may cross midnight ({@code 23:00-01:00}).
 */
public final class MaintenanceWindows {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private record Window(LocalTime start, LocalTime end) {
    }

    private final List<Window> windows;

    public MaintenanceWindows(List<String> specs) {
        List<Window> parsed = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("Maintenance window must read HH:mm-HH:mm: " + spec);
            }
            parsed.add(new Window(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())));
        }
        this.windows = List.copyOf(parsed);
    }

    /** Seconds until the current window closes, or empty when the provider is open. */
    public OptionalLong secondsLeft(ZonedDateTime now) {
        ZonedDateTime local = now.withZoneSameInstant(PARIS);
        LocalTime t = local.toLocalTime();
        for (Window w : windows) {
            boolean inside = w.start().isBefore(w.end())
                    ? !t.isBefore(w.start()) && t.isBefore(w.end())
                    : !t.isBefore(w.start()) || t.isBefore(w.end());
            if (inside) {
                ZonedDateTime end = local.with(w.end());
                if (!end.isAfter(local)) {
                    end = end.plusDays(1);
                }
                return OptionalLong.of(Math.max(1, Duration.between(local, end).toSeconds()));
            }
        }
        return OptionalLong.empty();
    }
}
