package vn.motcua.appliance.web.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a paired screen's live feed may carry (issue 17): only its services' and counters' calls and figures, and
 * none of what only the staff pages need. A screen on the LAN is any browser in the office, so its feed drops the
 * clerk's login name at each counter, the rating window, the parked and absent lists, the reader's scans, the service
 * buttons' tickets and the device faults; what stays is what the hall already shows on its wall (numbers, counters,
 * services, waiting counts, the notice). Empty sets mean every service, or every counter.
 *
 * @param services the services shown (codes); empty: all
 * @param counters the counters shown (numbers); empty: all (a counter-top screen has exactly one)
 */
public record FeedScope(Set<String> services, Set<Integer> counters) {
    /** Frames a screen never gets: the kiosk's and the staff pages' own. */
    private static final Set<String> STAFF_ONLY = Set.of("scan", "button", "devices");
    /** Per counter, what a screen keeps: no clerk, no rating window. */
    private static final Set<String> COUNTER_FIELDS = Set.of("number", "name", "services", "status", "ticket",
            "ticket_status", "ticket_service");

    public FeedScope {
        services = Set.copyOf(services);
        counters = Set.copyOf(counters);
    }

    /** Whether a call of {@code service} to {@code counter} is this screen's. */
    public boolean shows(String service, int counter) {
        return (services.isEmpty() || services.contains(service)) && (counters.isEmpty() || counters.contains(counter));
    }

    /** {@code data} of frame {@code event} as this screen gets it, or null when the screen gets no such frame. */
    Object frame(String event, Object data) {
        if (STAFF_ONLY.contains(event)) {
            return null;
        }
        return switch (event) {
            case "call" -> call(data) ? data : null;
            case "queue" -> queue(map(data));
            case "snapshot" -> snapshot(map(data));
            default -> data; // notice, ping: the hall's own
        };
    }

    private boolean call(Object data) {
        Map<String, Object> c = map(data);
        return shows(String.valueOf(c.get("service")), ((Number) c.get("counter")).intValue());
    }

    private Map<String, Object> snapshot(Map<String, Object> s) {
        Map<String, Object> out = queue(s);
        for (String key : List.of("office", "call_repeat", "notice", "server_time", "zone")) {
            out.put(key, s.get(key));
        }
        List<Object> calls = new ArrayList<>();
        for (Object c : (List<?>) s.get("recent_calls")) {
            if (call(c)) {
                calls.add(c);
            }
        }
        out.put("recent_calls", calls);
        return out;
    }

    private Map<String, Object> queue(Map<String, Object> q) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", q.get("day"));
        List<Object> svc = new ArrayList<>();
        for (Object s : (List<?>) q.get("services")) {
            if (services.isEmpty() || services.contains(String.valueOf(map(s).get("code")))) {
                svc.add(s);
            }
        }
        out.put("services", svc);
        List<Object> ctr = new ArrayList<>();
        for (Object c : (List<?>) q.get("counters")) {
            Map<String, Object> cm = map(c);
            if (counterShown(cm)) {
                Map<String, Object> kept = new LinkedHashMap<>();
                cm.forEach((k, v) -> {
                    if (COUNTER_FIELDS.contains(k)) {
                        kept.put(k, v);
                    }
                });
                ctr.add(kept);
            }
        }
        out.put("counters", ctr);
        return out;
    }

    /** A counter is shown when it is one of the screen's, or, for a display limited to services, serves one of them. */
    private boolean counterShown(Map<String, Object> c) {
        int number = ((Number) c.get("number")).intValue();
        if (!counters.isEmpty()) {
            return counters.contains(number);
        }
        if (services.isEmpty()) {
            return true;
        }
        return ((List<?>) c.get("services")).stream().anyMatch(s -> services.contains(String.valueOf(s)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
