package vn.motcua.appliance.devices.buttons;

/** Told of each accepted press. Called on the GPIO library's event thread: hand off, do not block. */
@FunctionalInterface
public interface ServiceButtonListener {
    /**
     * @param serviceCode the service the button is for
     * @param atNanos     System.nanoTime() of the edge, for latency measurement
     */
    void pressed(String serviceCode, long atNanos);
}
