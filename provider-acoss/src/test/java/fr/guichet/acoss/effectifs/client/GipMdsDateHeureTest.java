package fr.guichet.acoss.effectifs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GipMdsDateHeureTest {

    @Test
    void secondsAreWrittenEvenWhenZero() {
        // OffsetDateTime.toString() would write 2026-11-25T07:51+01:00 here.
        assertEquals("2026-11-25T07:51:00+01:00",
                GipMdsClient.dateHeure(OffsetDateTime.of(2026, 11, 25, 7, 51, 0, 0, ZoneOffset.ofHours(1))));
    }

    @Test
    void fractionsOfASecondAreLeftOut() {
        assertEquals("2026-07-01T12:00:05+02:00",
                GipMdsClient.dateHeure(OffsetDateTime.of(2026, 7, 1, 12, 0, 5, 987_000_000, ZoneOffset.ofHours(2))));
    }
}
