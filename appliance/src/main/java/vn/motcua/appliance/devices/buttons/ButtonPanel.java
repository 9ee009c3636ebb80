package vn.motcua.appliance.devices.buttons;

import java.util.List;

/** Port: hardware service buttons for offices without a touch kiosk. Adapters: {@link Pi4jButtonPanel}, {@link SimulatedButtonPanel}. */
public interface ButtonPanel extends AutoCloseable {

    /** Claims the pins and starts reporting presses. Never throws for hardware trouble: see {@link #problems()}. */
    void start();

    void addPressListener(ServiceButtonListener listener);

    /** Lights the busy LED (if wired) while a ticket is issued and printed. */
    void setBusy(boolean busy);

    /**
     * A press the queue refused (office closed, service paused or unknown): three beeps on the buzzer, or, with
     * only the busy LED wired, three blinks. Returns at once; the pattern plays on the scheduler.
     */
    void signalRefused();

    /** Pins that could not be set up, as technician-facing text; empty when all is well. */
    List<String> problems();

    @Override
    void close();
}
