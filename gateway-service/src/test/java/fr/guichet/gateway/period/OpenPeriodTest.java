package fr.guichet.gateway.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OpenPeriodTest {

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void yearsOpenOnlyPeriodsWhollyInsideThem() {
        OpenPeriod p = PeriodRights.parse("{\"s\":{\"years\":[2023,2022]}}").of("s").orElseThrow();
        assertTrue(p.contains(d("2022-01-01"), d("2023-12-31")));
        assertFalse(p.contains(d("2023-06-01"), d("2024-05-31")), "a period running into a closed year is outside");
        assertEquals("années 2022, 2023", p.label());
    }

    @Test
    void rangesAreInclusiveAndMayBeOpenEnded() {
        OpenPeriod p = PeriodRights.parse("{\"s\":{\"from\":\"2022-01-01\",\"to\":\"2023-12-31\"}}").of("s").orElseThrow();
        assertTrue(p.contains(d("2022-01-01"), d("2023-12-31")));
        assertFalse(p.contains(d("2021-12-31"), d("2022-01-31")));
        assertEquals("du 01/01/2022 au 31/12/2023", p.label());
        OpenPeriod since = PeriodRights.parse("{\"s\":{\"from\":\"2024-01-01\"}}").of("s").orElseThrow();
        assertTrue(since.contains(d("2030-01-01"), d("2030-12-31")));
        assertEquals("à partir du 01/01/2024", since.label());
    }

    @Test
    void absentEmptyAndUnreadableFields() {
        assertTrue(PeriodRights.parse((String) null).none());
        assertTrue(PeriodRights.parse("").none());
        assertTrue(PeriodRights.parse("{}").none());
        assertTrue(PeriodRights.parse("{\"s\":{}}").unreadable(), "a period without years nor dates restricts everything");
        assertTrue(PeriodRights.parse("[1]").unreadable());
        assertTrue(PeriodRights.parse("{\"s\":{\"years\":[\"x\"]}}").unreadable());
    }
}
