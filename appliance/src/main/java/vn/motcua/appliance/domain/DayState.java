package vn.motcua.appliance.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Numbering of the current business day.
 *
 * @param lastNumber  last number issued per service code (absent: none yet)
 * @param issued      tickets issued per service code
 * @param lastOrdinal ordinal of the last ticket issued today
 */
public record DayState(LocalDate day, Map<String, Integer> lastNumber, Map<String, Integer> issued, long lastOrdinal) {
    public DayState {
        Objects.requireNonNull(day, "day");
        lastNumber = Map.copyOf(lastNumber);
        issued = Map.copyOf(issued);
    }
}
