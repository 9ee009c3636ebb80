package vn.motcua.appliance.history;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A report's date range, both ends included, and the period it is compared with: the calendar unit before it (last
 * week, last month, last quarter, last year) or, for a custom range, as many days just before it.
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {
    /** Longest range a report covers: ten years of days. */
    public static final long MAX_DAYS = 3660;

    public enum Kind {
        DAY("Ngày", "Day"), WEEK("Tuần", "Week"), MONTH("Tháng", "Month"), QUARTER("Quý", "Quarter"),
        YEAR("Năm", "Year"), CUSTOM("Tùy chọn", "Custom");

        public final String vi;
        public final String en;

        Kind(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }
    }

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("a range of at most " + MAX_DAYS + " days");
        }
    }

    /** The calendar unit holding {@code day} (ISO weeks, Monday first); {@link Kind#CUSTOM} is not a unit. */
    public static Period of(Kind kind, LocalDate day) {
        return switch (kind) {
            case DAY -> new Period(kind, day, day);
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(kind, monday, monday.plusDays(6));
            }
            case MONTH -> new Period(kind, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTER -> {
                LocalDate first = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
                yield new Period(kind, first, first.plusMonths(3).minusDays(1));
            }
            case YEAR -> new Period(kind, day.withDayOfYear(1), day.with(TemporalAdjusters.lastDayOfYear()));
            case CUSTOM -> throw new IllegalArgumentException("a custom range needs both ends");
        };
    }

    public static Period custom(LocalDate from, LocalDate to) {
        return new Period(Kind.CUSTOM, from, to);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period a report compares with. */
    public Period previous() {
        return switch (kind) {
            case DAY -> of(kind, from.minusDays(1));
            case WEEK -> of(kind, from.minusWeeks(1));
            case MONTH -> of(kind, from.minusMonths(1));
            case QUARTER -> of(kind, from.minusMonths(3));
            case YEAR -> of(kind, from.minusYears(1));
            case CUSTOM -> new Period(kind, from.minusDays(days()), from.minusDays(1));
        };
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
