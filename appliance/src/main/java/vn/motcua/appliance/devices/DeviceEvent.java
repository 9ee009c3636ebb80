package vn.motcua.appliance.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What happened to a device, as {@code domain.QueueEvent} is for the queue: one sealed set of facts that every
 * subscriber of {@link DeviceEvents} matches on. A {@link StatusChanged} keeps health and the staff pages current; a
 * {@link Reported} event also goes to the district through the outbox, as the type and payload the district
 * contract names ({@code uplink/TOPICS.md}): those strings and keys are the contract and are written here only.
 */
public sealed interface DeviceEvent {

    /** A device's status changed (verdict, reason or detail). Not sent to the district by itself. */
    record StatusChanged(DeviceStatus status) implements DeviceEvent {
        public StatusChanged {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A counter's keypad press the queue refused (a pause while a resident is at the counter, a call with nobody
     * waiting): the board flashes the refusal's code. Counted for {@code /metrics}; the district gets no event, as
     * a refused press changed nothing.
     *
     * @param counter the counter the board hangs over
     * @param reason  the queue's refusal code ({@code domain.Refusal}'s name)
     */
    record PressRefused(int counter, String reason) implements DeviceEvent {
        public PressRefused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An event the district receives: its outbox type and payload. */
    sealed interface Reported extends DeviceEvent {
        String type();

        /** The payload, in the key order the outbox has always written. */
        Map<String, Object> payload();
    }

    /**
     * The printer or the reader got a fault: {@code device.fault {device, fault, health, detail}}.
     *
     * @param status the device's status now; its reason is the fault raised (the printer reports each of several)
     */
    record FaultRaised(DeviceStatus status) implements Reported {
        @Override public String type() {
            return "device.fault";
        }

        @Override public Map<String, Object> payload() {
            return faultPayload(status.device(), status.reason(), status);
        }
    }

    /**
     * A fault of the printer or the reader went away: {@code device.recovered {device, fault, health, detail}}.
     *
     * @param fault  the fault that cleared
     * @param status the device's status now
     */
    record FaultCleared(DeviceStatus.Reason fault, DeviceStatus status) implements Reported {
        @Override public String type() {
            return "device.recovered";
        }

        @Override public Map<String, Object> payload() {
            return faultPayload(status.device(), fault, status);
        }
    }

    /**
     * A counter board stopped answering: {@code device.fault {reason, address, counter, device: "counter-board"}}.
     *
     * @param counter the counter the board is over, null if none is configured for it
     * @param reason  the bus's words for it, e.g. "no reply"
     */
    record BoardOffline(int address, Integer counter, String reason) implements Reported {
        @Override public String type() {
            return "device.fault";
        }

        @Override public Map<String, Object> payload() {
            return board(address, counter, reason);
        }
    }

    /** A counter board answers again: {@code device.recovered}, the payload as {@link BoardOffline}'s. */
    record BoardOnline(int address, Integer counter, String reason) implements Reported {
        @Override public String type() {
            return "device.recovered";
        }

        @Override public Map<String, Object> payload() {
            return board(address, counter, reason);
        }
    }

    /**
     * A screen paired over the LAN (a hall display or a counter-top screen) has had no live feed open for longer than
     * the master allows ({@code web.paired.ScreenPresence}): {@code device.fault {device: "paired-screen", fault:
     * "offline", health, screen, name, role, lastConnected}}. The name is the one the manager gave the screen (a
     * place, never a person); {@code lastConnected} is when its feed was last seen open.
     */
    record ScreenOffline(long screen, String name, String role, java.time.Instant lastConnected) implements Reported {
        @Override public String type() {
            return "device.fault";
        }

        @Override public Map<String, Object> payload() {
            return screenPayload(screen, name, role, "offline", lastConnected);
        }
    }

    /** That screen's feed is open again: {@code device.recovered}, the payload as {@link ScreenOffline}'s. */
    record ScreenOnline(long screen, String name, String role, java.time.Instant lastConnected) implements Reported {
        @Override public String type() {
            return "device.recovered";
        }

        @Override public Map<String, Object> payload() {
            return screenPayload(screen, name, role, "ok", lastConnected);
        }
    }

    /** A dossier's code was scanned: {@code scan.dossier {code}}. */
    record DossierScanned(String code) implements Reported {
        @Override public String type() {
            return "scan.dossier";
        }

        @Override public Map<String, Object> payload() {
            return Map.of("code", code);
        }
    }

    /** A citizen ID card was read; only the priority it implies is told: {@code scan.citizen_id {priority}}. */
    record CitizenIdScanned(boolean priority) implements Reported {
        @Override public String type() {
            return "scan.citizen_id";
        }

        @Override public Map<String, Object> payload() {
            return Map.of("priority", priority);
        }
    }

    /** A ticket's QR was scanned: {@code scan.ticket {number}}. */
    record TicketScanned(String number) implements Reported {
        @Override public String type() {
            return "scan.ticket";
        }

        @Override public Map<String, Object> payload() {
            return Map.of("number", number);
        }
    }

    /** A scan was not understood: {@code scan.rejected {reason}}, the reason's name, never the text read. */
    record ScanRejected(String reason) implements Reported {
        @Override public String type() {
            return "scan.rejected";
        }

        @Override public Map<String, Object> payload() {
            return Map.of("reason", reason);
        }
    }

    private static Map<String, Object> faultPayload(String device, DeviceStatus.Reason fault, DeviceStatus now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", device);
        m.put("fault", fault.word());
        m.put("health", now.state().word());
        m.put("detail", now.detail());
        return m;
    }

    private static Map<String, Object> screenPayload(long id, String name, String role, String health, java.time.Instant last) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", "paired-screen");
        m.put("fault", "offline");
        m.put("health", health);
        m.put("screen", id);
        m.put("name", name);
        m.put("role", role);
        m.put("lastConnected", last.toString());
        return m;
    }

    /** In the order the outbox wrote the boards' events before they were typed (a HashMap's, kept for the district). */
    private static Map<String, Object> board(int address, Integer counter, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", reason);
        m.put("address", address);
        m.put("counter", counter);
        m.put("device", "counter-board");
        return m;
    }
}
