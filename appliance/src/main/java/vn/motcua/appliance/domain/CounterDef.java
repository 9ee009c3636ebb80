package vn.motcua.appliance.domain;

import java.util.List;
import java.util.Objects;

/** A counter (quầy) and the services it serves, most preferred first. */
public record CounterDef(int number, String name, List<String> services) {
    public CounterDef {
        Objects.requireNonNull(name, "name");
        services = List.copyOf(Objects.requireNonNull(services, "services"));
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("counter number must be 1..99 (the board shows two digits), was " + number);
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("counter " + number + " serves no service");
        }
    }
}
