package vn.motcua.appliance.domain;

import java.util.List;
import java.util.Objects;

/**
 * A counter (quầy), the services it serves, most preferred first, and when it may be opened: a closed counter is
 * opened only within its {@code hours} (a counter staffed part of the day); one already open is never closed by the
 * clock, so a resident at the desk is served to the end.
 */
public record CounterDef(int number, String name, List<String> services, OpeningHours hours) {
    /** A counter that may be opened at any time. */
    public CounterDef(int number, String name, List<String> services) {
        this(number, name, services, OpeningHours.always());
    }

    public CounterDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hours, "hours");
        services = List.copyOf(Objects.requireNonNull(services, "services"));
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("counter number must be 1..99 (the board shows two digits), was " + number);
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("counter " + number + " serves no service");
        }
    }
}
