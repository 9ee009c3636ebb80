package vn.motcua.appliance.satellite;

import java.util.Optional;
import java.util.concurrent.Executor;

import vn.motcua.appliance.devices.buttons.ButtonPanel;
import vn.motcua.appliance.devices.buttons.ServiceButtonListener;
import vn.motcua.appliance.devices.resident.PrinterDevice;
import vn.motcua.appliance.devices.resident.TicketSource;

/**
 * A satellite's resident devices get their tickets from the master: a press asks it ({@link SatelliteTickets}) and
 * only the master's committed answer prints on this satellite's printer; a press that got no ticket is signalled on
 * the buttons ({@link SatelliteButtons}). The reader's scans have no queue here to act on (its faults reach the
 * master as every device's do). The devices themselves are opened as on a master ({@code ResidentDevices}).
 */
final class MasterTickets implements TicketSource {
    private final MasterLink link;
    private final LinkState state;
    private SatelliteTickets tickets;

    MasterTickets(MasterLink link, LinkState state) {
        this.link = link;
        this.state = state;
    }

    @Override
    public void printOn(Optional<PrinterDevice> printer) {
        tickets = new SatelliteTickets(link, state, printer.map(PrinterDevice::printer).orElse(null));
    }

    @Override
    public ServiceButtonListener pressesOn(ButtonPanel panel, Executor io) {
        return new SatelliteButtons(tickets, panel, io);
    }

    /** The presses of this satellite (its buttons' and its kiosk's); set once the printer is opened. */
    SatelliteTickets tickets() {
        return tickets;
    }
}
