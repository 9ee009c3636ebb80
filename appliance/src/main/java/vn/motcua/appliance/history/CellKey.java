package vn.motcua.appliance.history;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a day's figures are kept: a business day, a service code, the counter and clerk that finished the tickets
 * (0 and "" when none did) and the local hour of issue (0-23).
 */
public record CellKey(LocalDate day, String service, int counter, String staffId, int hour) implements Comparable<CellKey> {
    public CellKey {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(staffId, "staffId");
        if (counter < 0 || hour < 0 || hour > 23) {
            throw new IllegalArgumentException("counter " + counter + ", hour " + hour);
        }
    }

    @Override
    public int compareTo(CellKey o) {
        int c = day.compareTo(o.day);
        if (c == 0) c = service.compareTo(o.service);
        if (c == 0) c = Integer.compare(counter, o.counter);
        if (c == 0) c = staffId.compareTo(o.staffId);
        if (c == 0) c = Integer.compare(hour, o.hour);
        return c;
    }
}
