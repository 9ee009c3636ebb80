package vn.motcua.appliance.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void eachKindIsTheCalendarUnitHoldingTheDay() {
        LocalDate thu = d("2026-11-05");
        assertEquals(new Period(Period.Kind.DAY, thu, thu), Period.of(Period.Kind.DAY, thu));
        assertEquals(new Period(Period.Kind.WEEK, d("2026-11-02"), d("2026-11-08")), Period.of(Period.Kind.WEEK, thu));
        assertEquals(new Period(Period.Kind.WEEK, d("2026-11-02"), d("2026-11-08")),
                Period.of(Period.Kind.WEEK, d("2026-11-08")), "a Sunday ends its ISO week");
        assertEquals(new Period(Period.Kind.MONTH, d("2026-11-01"), d("2026-11-30")), Period.of(Period.Kind.MONTH, thu));
        assertEquals(new Period(Period.Kind.QUARTER, d("2026-10-01"), d("2026-12-31")), Period.of(Period.Kind.QUARTER, thu));
        assertEquals(new Period(Period.Kind.QUARTER, d("2026-01-01"), d("2026-03-31")),
                Period.of(Period.Kind.QUARTER, d("2026-03-31")));
        assertEquals(new Period(Period.Kind.YEAR, d("2026-01-01"), d("2026-12-31")), Period.of(Period.Kind.YEAR, thu));
        assertEquals(7, Period.of(Period.Kind.WEEK, thu).days());
        assertThrows(IllegalArgumentException.class, () -> Period.of(Period.Kind.CUSTOM, thu));
    }

    @Test
    void aWeekAcrossTheYearIsTheIsoWeek() {
        Period w = Period.of(Period.Kind.WEEK, d("2027-01-01"));
        assertEquals(d("2026-12-28"), w.from());
        assertEquals(d("2027-01-03"), w.to());
        assertEquals(new Period(Period.Kind.WEEK, d("2026-12-21"), d("2026-12-27")), w.previous());
    }

    @Test
    void thePreviousPeriodIsTheUnitBeforeOrAsManyDaysJustBefore() {
        assertEquals(Period.of(Period.Kind.DAY, d("2026-02-28")), Period.of(Period.Kind.DAY, d("2026-03-01")).previous());
        assertEquals(new Period(Period.Kind.MONTH, d("2026-02-01"), d("2026-02-28")),
                Period.of(Period.Kind.MONTH, d("2026-03-31")).previous(), "March 31st: February whole, not a clipped day");
        assertEquals(new Period(Period.Kind.MONTH, d("2025-12-01"), d("2025-12-31")),
                Period.of(Period.Kind.MONTH, d("2026-01-15")).previous());
        assertEquals(new Period(Period.Kind.QUARTER, d("2025-10-01"), d("2025-12-31")),
                Period.of(Period.Kind.QUARTER, d("2026-02-10")).previous());
        assertEquals(new Period(Period.Kind.YEAR, d("2025-01-01"), d("2025-12-31")),
                Period.of(Period.Kind.YEAR, d("2026-07-01")).previous());
        assertEquals(Period.custom(d("2026-10-22"), d("2026-10-31")),
                Period.custom(d("2026-11-01"), d("2026-11-10")).previous());
        assertEquals(Period.custom(d("2026-10-31"), d("2026-10-31")),
                Period.custom(d("2026-11-01"), d("2026-11-01")).previous());
    }

    @Test
    void leapYears() {
        assertEquals(d("2028-02-29"), Period.of(Period.Kind.MONTH, d("2028-02-10")).to());
        assertEquals(29, Period.of(Period.Kind.MONTH, d("2028-02-10")).days());
        assertEquals(366, Period.of(Period.Kind.YEAR, d("2028-06-01")).days());
        assertEquals(365, Period.of(Period.Kind.YEAR, d("2028-06-01")).previous().days());
        assertEquals(new Period(Period.Kind.MONTH, d("2028-02-01"), d("2028-02-29")),
                Period.of(Period.Kind.MONTH, d("2028-03-31")).previous());
        assertEquals(91, Period.of(Period.Kind.QUARTER, d("2028-01-05")).days());
        assertEquals(Period.of(Period.Kind.DAY, d("2028-02-29")), Period.of(Period.Kind.DAY, d("2028-03-01")).previous());
    }

    @Test
    void boundsAreBothIncluded() {
        Period p = Period.custom(d("2026-11-03"), d("2026-11-05"));
        assertTrue(p.contains(d("2026-11-03")));
        assertTrue(p.contains(d("2026-11-05")));
        assertFalse(p.contains(d("2026-11-02")));
        assertFalse(p.contains(d("2026-11-06")));
        assertEquals(3, p.days());
    }

    @Test
    void aRangeBackwardsOrLongerThanTenYearsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Period.custom(d("2026-11-05"), d("2026-11-04")));
        LocalDate from = d("2020-01-01");
        assertEquals(Period.MAX_DAYS, Period.custom(from, from.plusDays(Period.MAX_DAYS - 1)).days());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Period.custom(from, from.plusDays(Period.MAX_DAYS)));
        assertTrue(e.getMessage().contains("3660"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Period.custom(null, from));
    }
}
