package vn.motcua.appliance.devices.printer;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a status change means for the device-fault events in the outbox (pure): faults newly raised
 * and faults cleared. UNKNOWN raises nothing and clears only link faults (write failed, link down):
 * on a one-way link a completed ticket proves the link works, but says nothing of paper or cover. The lead's wiring turns each raised fault into a
 * {@code device.fault} event and each cleared one into {@code device.fault_cleared}.
 *
 * @param raised  faults present now and not before
 * @param cleared faults present before and gone now (only when now is a real reading)
 * @param current the status now, for the event's detail
 */
public record PrinterFaultChange(Set<PrinterFault> raised, Set<PrinterFault> cleared, PrinterStatus current) {
    private static final Set<PrinterFault> LINK_FAULTS = EnumSet.of(PrinterFault.WRITE_FAILED, PrinterFault.LINK_DOWN);

    public PrinterFaultChange {
        raised = Set.copyOf(raised);
        cleared = Set.copyOf(cleared);
    }

    /** Empty when nothing to publish. */
    public static Optional<PrinterFaultChange> between(PrinterStatus previous, PrinterStatus current) {
        Set<PrinterFault> raised = EnumSet.noneOf(PrinterFault.class);
        raised.addAll(current.faults());
        raised.removeAll(previous.faults());
        Set<PrinterFault> cleared = EnumSet.noneOf(PrinterFault.class);
        cleared.addAll(previous.faults());
        cleared.removeAll(current.faults());
        if (current.health() == PrinterStatus.Health.UNKNOWN) {
            // unknown says nothing of paper or cover; it does say the link works again
            cleared.retainAll(LINK_FAULTS);
        }
        if (raised.isEmpty() && cleared.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PrinterFaultChange(raised, cleared, current));
    }
}
