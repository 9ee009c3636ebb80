package vn.motcua.appliance.devices.printer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The printer's state as data: what the health page, the staff page and the device-fault event show.
 *
 * @param health overall verdict
 * @param faults what is wrong (empty when {@code OK} or {@code UNKNOWN})
 * @param at     when this was observed
 * @param detail short technician-facing text (never personal data)
 */
public record PrinterStatus(Health health, Set<PrinterFault> faults, Instant at, String detail) {

    /** Overall verdict. A one-way link can never be {@code OK}: it is {@code UNKNOWN}. */
    public enum Health {
        /** Status read back from the printer and nothing is wrong. */
        OK,
        /** Prints, but something needs attention soon (paper near end). */
        WARNING,
        /** Cannot print. */
        FAULT,
        /** Nothing can be read back (one-way link), or nothing was observed yet. */
        UNKNOWN
    }

    public PrinterStatus {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
    }

    /** Derives the verdict from observed faults on a two-way link. */
    public static PrinterStatus observed(Set<PrinterFault> faults, Instant at, String detail) {
        Health h = Health.OK;
        for (PrinterFault f : faults) {
            if (f.blocksPrinting()) {
                h = Health.FAULT;
                break;
            }
            h = Health.WARNING;
        }
        return new PrinterStatus(h, faults, at, detail);
    }

    public static PrinterStatus unknown(Instant at, String detail) {
        return new PrinterStatus(Health.UNKNOWN, Set.of(), at, detail);
    }

    public static PrinterStatus fault(PrinterFault fault, Instant at, String detail) {
        return new PrinterStatus(Health.FAULT, Set.of(fault), at, detail);
    }

    /** True if a ticket may be sent (OK, WARNING, or UNKNOWN where nothing can be known). */
    public boolean canPrint() {
        return health != Health.FAULT;
    }

    /** Same verdict and faults: used to report only changes to listeners. */
    public boolean sameStateAs(PrinterStatus other) {
        return other != null && health == other.health && faults.equals(other.faults);
    }
}
