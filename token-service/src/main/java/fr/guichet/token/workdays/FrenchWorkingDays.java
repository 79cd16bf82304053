package fr.guichet.token.workdays;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days (jours ouvrés) in metropolitan France: Monday to Friday, less the eleven public
 * holidays of the Code du travail (art. L3133-1: 1 January, Easter Monday, 1 May, 8 May, Ascension,
 * Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December). The holidays come from
 * the maintained calendar of the jollyday library ({@code Holidays_fr.xml}), not from our own
 * Easter arithmetic. Alsace-Moselle's two extra days (Good Friday, 26 December) and overseas
 * holidays are not counted: a notice period counted here is never shorter than the local one by
 * more than those days.
 */
public final class FrenchWorkingDays {

    private static final HolidayManager FRANCE = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));

    private FrenchWorkingDays() {
    }

    /** Whether {@code date} is a working day: a weekday that is not a French public holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !FRANCE.isHoliday(date);
    }

    /**
     * The {@code days}-th working day after {@code from} ({@code from} itself never counts): with
     * {@code from} a Monday and no holiday, 5 gives the Monday after. 0 gives {@code from}.
     *
     * @throws IllegalArgumentException when {@code days} is negative
     */
    public static LocalDate plusWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0: " + days);
        }
        LocalDate date = from;
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public static int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }
}
