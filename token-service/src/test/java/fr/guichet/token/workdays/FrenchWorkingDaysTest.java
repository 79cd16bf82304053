package fr.guichet.token.workdays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** French working days: weekends and the metropolitan public holidays are not counted. */
class FrenchWorkingDaysTest {

    @Test
    void theWeekdayPublicHolidaysOf2026AreNotWorkingDays() {
        // Easter 2026 is 5 April: Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May.
        for (String holiday : List.of("2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14",
                "2026-05-25", "2026-07-14", "2026-11-11", "2026-12-25")) {
            assertFalse(FrenchWorkingDays.isWorkingDay(LocalDate.parse(holiday)), holiday);
        }
        assertFalse(FrenchWorkingDays.isWorkingDay(LocalDate.parse("2026-07-18")), "a Saturday");
        assertFalse(FrenchWorkingDays.isWorkingDay(LocalDate.parse("2026-07-19")), "a Sunday");
        assertTrue(FrenchWorkingDays.isWorkingDay(LocalDate.parse("2026-07-15")), "the day after 14 July");
        assertTrue(FrenchWorkingDays.isWorkingDay(LocalDate.parse("2026-05-13")), "the eve of Ascension");
    }

    @Test
    void fourteenWorkingDaysAcrossAscensionAndWhitMonday() {
        // From Thursday 29 April 2027: Ascension (6 May) and Whit Monday (17 May) are skipped, so the
        // 14th working day is Friday 21 May, two days after the 14th weekday (Wednesday 19 May).
        LocalDate from = LocalDate.parse("2027-04-29");
        assertEquals(LocalDate.parse("2027-05-21"), FrenchWorkingDays.plusWorkingDays(from, 14));
        assertEquals(14, FrenchWorkingDays.workingDaysBetween(from, LocalDate.parse("2027-05-21")));
        assertEquals(13, FrenchWorkingDays.workingDaysBetween(from, LocalDate.parse("2027-05-20")));
    }

    @Test
    void fourteenWorkingDaysAcrossBastilleDay() {
        // From Wednesday 1 July 2026: 14 July (a Tuesday) is skipped.
        LocalDate from = LocalDate.parse("2026-07-01");
        assertEquals(LocalDate.parse("2026-07-22"), FrenchWorkingDays.plusWorkingDays(from, 14));
        assertEquals(LocalDate.parse("2026-07-15"), FrenchWorkingDays.plusWorkingDays(LocalDate.parse("2026-07-13"), 1));
    }

    @Test
    void countingStartsTheDayAfter() {
        LocalDate friday = LocalDate.parse("2026-06-05");
        assertEquals(friday, FrenchWorkingDays.plusWorkingDays(friday, 0));
        assertEquals(LocalDate.parse("2026-06-08"), FrenchWorkingDays.plusWorkingDays(friday, 1), "weekend skipped");
        assertEquals(0, FrenchWorkingDays.workingDaysBetween(friday, friday));
        assertThrows(IllegalArgumentException.class, () -> FrenchWorkingDays.plusWorkingDays(friday, -1));
    }
}
