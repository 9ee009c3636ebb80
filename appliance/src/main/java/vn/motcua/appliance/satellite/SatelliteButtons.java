package vn.motcua.appliance.satellite;

import java.util.concurrent.Executor;

import vn.motcua.appliance.devices.buttons.ButtonPanel;
import vn.motcua.appliance.devices.buttons.ServiceButtonListener;

/**
 * The satellite's service buttons: a press lights the busy LED at once, asks the master for the ticket
 * ({@link SatelliteTickets}, on {@code io}, never on the GPIO thread) and, when no ticket came of it (the master
 * refused, or could not be reached), signals refusal on the panel (buzzer or blinking LED) instead of silence.
 */
final class SatelliteButtons implements ServiceButtonListener {
    private final SatelliteTickets tickets;
    private final ButtonPanel panel;
    private final Executor io;
    private int busy; // guarded by this

    SatelliteButtons(SatelliteTickets tickets, ButtonPanel panel, Executor io) {
        this.tickets = tickets;
        this.panel = panel;
        this.io = io;
    }

    @Override
    public void pressed(String serviceCode, long atNanos) {
        busy(+1);
        try {
            io.execute(() -> {
                boolean taken = false;
                try {
                    taken = tickets.press(serviceCode, "NORMAL") instanceof SatelliteTickets.Outcome.Taken;
                } finally {
                    busy(-1);
                    if (!taken) {
                        panel.signalRefused();
                    }
                }
            });
        } catch (RuntimeException e) { // shutting down
            busy(-1);
            throw e;
        }
    }

    private synchronized void busy(int change) {
        boolean before = busy > 0;
        busy = Math.max(0, busy + change);
        if (before != busy > 0) {
            panel.setBusy(busy > 0);
        }
    }
}
