package vn.motcua.appliance.domain;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The office as the queue sees it: services, counters, rules and the days it is closed, cross-checked. */
public record OfficeLayout(List<ServiceDef> services, List<CounterDef> counters, QueueRules rules, ClosedDays closedDays) {

    /** An office that is never closed for a whole day beyond its weekly hours. */
    public OfficeLayout(List<ServiceDef> services, List<CounterDef> counters, QueueRules rules) {
        this(services, counters, rules, ClosedDays.none());
    }

    public OfficeLayout {
        services = List.copyOf(services);
        counters = List.copyOf(counters);
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(closedDays, "closedDays");
        if (services.isEmpty()) {
            throw new IllegalArgumentException("the office has no service");
        }
        Set<String> codes = new HashSet<>();
        Set<Character> prefixes = new HashSet<>();
        for (ServiceDef s : services) {
            if (!codes.add(s.code())) {
                throw new IllegalArgumentException("service code '" + s.code() + "' is defined twice");
            }
            if (!prefixes.add(s.prefix())) {
                throw new IllegalArgumentException("ticket prefix '" + s.prefix() + "' is used by two services");
            }
        }
        Set<Integer> numbers = new HashSet<>();
        for (CounterDef c : counters) {
            if (!numbers.add(c.number())) {
                throw new IllegalArgumentException("counter " + c.number() + " is defined twice");
            }
            for (String code : c.services()) {
                if (!codes.contains(code)) {
                    throw new IllegalArgumentException("counter " + c.number() + " serves unknown service '" + code + "'");
                }
            }
        }
    }

    public Optional<ServiceDef> service(String code) {
        return services.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<CounterDef> counter(int number) {
        return counters.stream().filter(c -> c.number() == number).findFirst();
    }

    public Map<String, ServiceDef> servicesByCode() {
        Map<String, ServiceDef> m = new LinkedHashMap<>();
        services.forEach(s -> m.put(s.code(), s));
        return m;
    }
}
