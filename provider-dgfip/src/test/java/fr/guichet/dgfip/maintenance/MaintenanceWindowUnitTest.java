package fr.guichet.dgfip.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.common.provider.MaintenanceWindows;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Window arithmetic of {@code guichet.provider.maintenance-windows} (Europe/Paris), including a
 * window that crosses midnight and no window at all.
 */
class MaintenanceWindowUnitTest {

    @Test
    void windowCrossingMidnight() {
        // November: Paris is UTC+1.
        assertEquals(OptionalLong.of(45L * 60), secondsLeft("2026-11-25T22:30:00Z", "23:00-00:15"));
        assertEquals(OptionalLong.of(5L * 60), secondsLeft("2026-11-25T23:10:00Z", "23:00-00:15"));
        assertEquals(OptionalLong.empty(), secondsLeft("2026-11-25T23:15:00Z", "23:00-00:15"));
    }

    @Test
    void noWindowNeverApplies() {
        assertEquals(OptionalLong.empty(), new MaintenanceWindows(List.of())
                .secondsLeft(Instant.parse("2026-11-25T00:30:00Z").atZone(ZoneOffset.UTC)));
    }

    private static OptionalLong secondsLeft(String now, String window) {
        return new MaintenanceWindows(List.of(window)).secondsLeft(Instant.parse(now).atZone(ZoneOffset.UTC));
    }
}
