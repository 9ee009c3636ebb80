package vn.motcua.appliance.devices;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How one device is, as data: what /healthz, the staff pages' device faults and the device events show. One shape for
 * the printer, the code reader, the counter bus and the service buttons.
 *
 * @param device the device's part name: {@code printer}, {@code reader}, {@code counter-bus}, {@code buttons}
 * @param state  the verdict
 * @param reason why, as a code staff words and metrics can rely on ({@link Reason#NONE} when nothing is wrong)
 * @param detail short technician-facing text (never personal data), e.g. "cannot open /dev/motcua-reader"
 * @param since  when this status was observed
 */
public record DeviceStatus(String device, State state, Reason reason, String detail, Instant since) {

    /** The verdict; only {@link #FAULT} turns /healthz red. */
    public enum State {
        /** Working. */
        OK,
        /** Works, but needs attention soon (paper near end). */
        WARNING,
        /** Does not work. */
        FAULT,
        /** Nothing can be known (a one-way printer link, a device not started yet). */
        UNKNOWN,
        /** Not configured, or closed by the appliance. */
        OFF;

        /** As the device events and /healthz write it: {@code ok}, {@code fault}... */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a device is not simply OK. The printer's names are its ESC/POS faults'. */
    public enum Reason {
        NONE,
        // the printer
        PAPER_END, PAPER_NEAR_END, COVER_OPEN, OFFLINE, MECHANICAL_ERROR, WRITE_FAILED, NO_RESPONSE, LINK_DOWN,
        // the code reader
        DISCONNECTED,
        // the counter bus: a board does not answer
        BOARD_OFFLINE,
        // the service buttons: a pin (or GPIO itself) could not be claimed
        PIN_UNAVAILABLE,
        // any device
        NOT_STARTED, CLOSED;

        /** As the device events write it: {@code paper_end}, {@code disconnected}... */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DeviceStatus {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(since, "since");
    }

    public static DeviceStatus ok(String device, String detail, Instant since) {
        return new DeviceStatus(device, State.OK, Reason.NONE, detail, since);
    }

    public static DeviceStatus fault(String device, Reason reason, String detail, Instant since) {
        return new DeviceStatus(device, State.FAULT, reason, detail, since);
    }

    public boolean isFault() {
        return state == State.FAULT;
    }

    /** Same verdict and reason: the detail and the time alone are not a change worth telling. */
    public boolean sameAs(DeviceStatus other) {
        return other != null && device.equals(other.device) && state == other.state && reason == other.reason;
    }
}
