package vn.motcua.appliance.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where each part of the appliance reports how it is (store, uplink, each device). Read by /healthz, the
 * staff pages and the uplink's telemetry. Status is data, not exceptions.
 */
public final class Health {
    /** One part's state; {@code ok=false} turns /healthz red. */
    public record Status(boolean ok, String state, String detail) {
        public static Status ok(String state) {
            return new Status(true, state, null);
        }

        /** Works, but someone should look (a paired screen offline): /healthz stays green, nothing restarts. */
        public static Status warning(String state, String detail) {
            return new Status(true, "warning: " + state, detail);
        }

        public static Status fault(String state, String detail) {
            return new Status(false, state, detail);
        }
    }

    private final Map<String, Supplier<Status>> parts = new ConcurrentHashMap<>();

    public void register(String name, Supplier<Status> status) {
        parts.put(name, status);
    }

    /** Takes part {@code name} off (a device that is no more: a revoked satellite's printer). */
    public void unregister(String name) {
        parts.remove(name);
    }

    public Map<String, Status> snapshot() {
        Map<String, Status> out = new LinkedHashMap<>();
        parts.keySet().stream().sorted().forEach(name -> {
            try {
                out.put(name, parts.get(name).get());
            } catch (RuntimeException e) {
                out.put(name, Status.fault("error", e.getClass().getSimpleName()));
            }
        });
        return out;
    }

    public boolean allOk() {
        return snapshot().values().stream().allMatch(Status::ok);
    }
}
