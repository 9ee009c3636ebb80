package vn.motcua.appliance.devices.resident;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;

import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.devices.buttons.ButtonPanel;
import vn.motcua.appliance.devices.buttons.ServiceButtonListener;
import vn.motcua.appliance.devices.reader.CodeReader;

/**
 * Where the resident devices' tickets come from: this appliance's own queue ({@link QueueTickets}), or, on a
 * satellite kiosk, its master ({@code satellite.MasterTickets}). {@link ResidentDevices} opens the printer, the code
 * reader and the service buttons one way for both roles (their fault events, first statuses, closing what was opened)
 * and hands each to the source, which says what prints on the printer, where the reader's scans go and what a press
 * does. Each is called once, from {@link ResidentDevices#start}, before that device starts.
 */
public interface TicketSource {
    /**
     * The printer as opened, empty when none is configured: what prints on it.
     *
     * @throws ConfigException a problem of the office's ticket template this source finds (named as its others are)
     */
    void printOn(Optional<PrinterDevice> printer) throws ConfigException, IOException;

    /** The code reader as opened: where its scans go. A source with nothing to do with a scan leaves it. */
    default void scansFrom(CodeReader reader) {
    }

    /** What a press of {@code panel}'s buttons does, on {@code io} (never on the panel's own thread). */
    ServiceButtonListener pressesOn(ButtonPanel panel, Executor io);
}
