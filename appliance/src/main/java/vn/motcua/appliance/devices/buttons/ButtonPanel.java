package vn.motcua.appliance.devices.buttons;

import vn.motcua.appliance.devices.DeviceStatus;

/** Port: hardware service buttons for offices without a touch kiosk. Adapters: {@link Pi4jButtonPanel}, {@link SimulatedButtonPanel}. */
public interface ButtonPanel extends AutoCloseable {
    /** The panel's part name, on /healthz. */
    String DEVICE = "buttons";

    /** Claims the pins and starts reporting presses. Never throws for hardware trouble: see {@link #status()}. */
    void start();

    void addPressListener(ServiceButtonListener listener);

    /** Lights the busy LED (if wired) while a ticket is issued and printed. */
    void setBusy(boolean busy);

    /**
     * A press the queue refused (office closed, service paused or unknown): three beeps on the buzzer, or, with
     * only the busy LED wired, three blinks. Returns at once; the pattern plays on the scheduler.
     */
    void signalRefused();

    /**
     * OK, or FAULT {@code PIN_UNAVAILABLE} with the pins that could not be set up (or why GPIO itself cannot be used)
     * as technician-facing detail. Known once {@link #start()} returned; it does not change after.
     */
    DeviceStatus status();

    @Override
    void close();
}
