package vn.motcua.appliance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The office calendar: whole days the office is closed (Tết, public holidays, a day swapped for a weekend), on top of
 * the weekly days of {@link OpeningHours}. On a closed day no service takes tickets, whatever its hours say.
 */
public record ClosedDays(Set<LocalDate> days) {
    /** A range longer than this is surely a typo (Tết is about a week; a month covers any holiday). */
    static final int LONGEST_RANGE_DAYS = 31;

    public ClosedDays {
        days = Set.copyOf(new TreeSet<>(Objects.requireNonNull(days, "days")));
    }

    public static ClosedDays none() {
        return new ClosedDays(Set.of());
    }

    public boolean closed(LocalDate day) {
        return days.contains(day);
    }

    /**
     * One config entry: {@code 2027-01-01}, or {@code 2027-02-05..2027-02-11} (both ends included).
     *
     * @throws IllegalArgumentException (or its subclass DateTimeParseException) when it is neither
     */
    public static List<LocalDate> parseEntry(String entry) {
        String s = entry.strip();
        int dots = s.indexOf("..");
        LocalDate first = LocalDate.parse(dots < 0 ? s : s.substring(0, dots));
        LocalDate last = dots < 0 ? first : LocalDate.parse(s.substring(dots + 2));
        if (last.isBefore(first) || first.plusDays(LONGEST_RANGE_DAYS - 1).isBefore(last)) {
            throw new IllegalArgumentException(entry);
        }
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }
}
