package vn.motcua.appliance.devices.printer;

import java.util.List;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceEvents;
import vn.motcua.appliance.devices.DeviceStatus;

/**
 * Turns the printer's status changes into device events: a {@link DeviceEvent.FaultRaised} for each fault raised and
 * a {@link DeviceEvent.FaultCleared} for each cleared ({@link PrinterFaultChange}), then the
 * {@link DeviceEvent.StatusChanged} with the printer's {@link DeviceStatus}. Register with
 * {@link TicketPrinter#addStatusListener}.
 */
public final class PrinterFaultEvents implements PrinterStatusListener {
    /** When several faults hold, the one staff should act on first names the status. */
    private static final List<PrinterFault> MOST_URGENT_FIRST = List.of(PrinterFault.PAPER_END,
            PrinterFault.COVER_OPEN, PrinterFault.MECHANICAL_ERROR, PrinterFault.LINK_DOWN, PrinterFault.NO_RESPONSE,
            PrinterFault.WRITE_FAILED, PrinterFault.OFFLINE, PrinterFault.PAPER_NEAR_END);

    private final String device;
    private final DeviceEvents events;

    /** @param device the printer's part name, e.g. "printer" */
    public PrinterFaultEvents(String device, DeviceEvents events) {
        this.device = device;
        this.events = events;
    }

    /** Tells the printer's first status, before any change. */
    public void started(PrinterStatus current) {
        events.publish(new DeviceEvent.StatusChanged(status(device, current)));
    }

    @Override
    public void statusChanged(PrinterStatus previous, PrinterStatus current) {
        DeviceStatus now = status(device, current);
        PrinterFaultChange.between(previous, current).ifPresent(c -> {
            c.raised().stream().sorted().forEach(f -> events.publish(new DeviceEvent.FaultRaised(
                    new DeviceStatus(device, now.state(), reason(f), now.detail(), now.since()))));
            c.cleared().stream().sorted().forEach(f -> events.publish(new DeviceEvent.FaultCleared(reason(f), now)));
        });
        events.publish(new DeviceEvent.StatusChanged(now));
    }

    /** The printer's ESC/POS reading as the one device status: its verdict and its most urgent fault. */
    static DeviceStatus status(String device, PrinterStatus s) {
        DeviceStatus.State state = switch (s.health()) {
            case OK -> DeviceStatus.State.OK;
            case WARNING -> DeviceStatus.State.WARNING;
            case FAULT -> DeviceStatus.State.FAULT;
            case UNKNOWN -> DeviceStatus.State.UNKNOWN;
        };
        DeviceStatus.Reason reason = MOST_URGENT_FIRST.stream().filter(s.faults()::contains).findFirst()
                .map(PrinterFaultEvents::reason).orElse(DeviceStatus.Reason.NONE);
        return new DeviceStatus(device, state, reason, s.detail(), s.at());
    }

    private static DeviceStatus.Reason reason(PrinterFault f) {
        return switch (f) {
            case PAPER_END -> DeviceStatus.Reason.PAPER_END;
            case PAPER_NEAR_END -> DeviceStatus.Reason.PAPER_NEAR_END;
            case COVER_OPEN -> DeviceStatus.Reason.COVER_OPEN;
            case OFFLINE -> DeviceStatus.Reason.OFFLINE;
            case MECHANICAL_ERROR -> DeviceStatus.Reason.MECHANICAL_ERROR;
            case WRITE_FAILED -> DeviceStatus.Reason.WRITE_FAILED;
            case NO_RESPONSE -> DeviceStatus.Reason.NO_RESPONSE;
            case LINK_DOWN -> DeviceStatus.Reason.LINK_DOWN;
        };
    }
}
