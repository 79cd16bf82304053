package fr.guichet.dgfip.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.dgfip.config.DgfipConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Window arithmetic, including a window that crosses midnight and a disabled window. */
class MaintenanceWindowUnitTest {

    @Test
    void windowCrossingMidnight() {
        MaintenanceWindow window = window("2026-11-25T23:30:00Z", true, "23:00", "00:15");
        assertEquals(Optional.of(45L * 60), window.remaining());
        assertEquals(Optional.of(5L * 60), window("2026-11-26T00:10:00Z", true, "23:00", "00:15").remaining());
        assertEquals(Optional.empty(), window("2026-11-26T00:15:00Z", true, "23:00", "00:15").remaining());
    }

    @Test
    void disabledWindowNeverApplies() {
        assertEquals(Optional.empty(), window("2026-11-25T01:30:00Z", false, "01:00", "02:00").remaining());
    }

    private static MaintenanceWindow window(String now, boolean enabled, String from, String to) {
        DgfipConfig.Maintenance maintenance = new DgfipConfig.Maintenance() {
            public boolean enabled() { return enabled; }
            public LocalTime from() { return LocalTime.parse(from); }
            public LocalTime to() { return LocalTime.parse(to); }
            public String zone() { return "UTC"; }
        };
        DgfipConfig config = new DgfipConfig() {
            public Upstream upstream() { return null; }
            public OAuth oauth() { return null; }
            public Documents documents() { return () -> Duration.ofHours(24); }
            public Maintenance maintenance() { return maintenance; }
            public RetryIn retryIn() { return null; }
        };
        return new MaintenanceWindow(Clock.fixed(Instant.parse(now), ZoneOffset.UTC), config);
    }
}
