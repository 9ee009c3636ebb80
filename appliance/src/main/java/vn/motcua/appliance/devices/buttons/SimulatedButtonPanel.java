package vn.motcua.appliance.devices.buttons;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.motcua.appliance.devices.DeviceStatus;

/** A button panel in software, for the demo and tests: {@link #press(String)} is a resident pressing a button. */
public final class SimulatedButtonPanel implements ButtonPanel {
    private final List<String> services;
    private final java.time.Instant since = java.time.Instant.now();
    private final List<ServiceButtonListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean busy;
    private final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();

    public SimulatedButtonPanel(List<String> services) {
        this.services = List.copyOf(services);
    }

    public void press(String serviceCode) {
        if (!services.contains(serviceCode)) {
            throw new IllegalArgumentException("no button for service " + serviceCode);
        }
        long now = System.nanoTime();
        for (ServiceButtonListener l : listeners) {
            l.pressed(serviceCode, now);
        }
    }

    public boolean busy() {
        return busy;
    }

    /** How many refusals were signalled (what a resident would have heard). */
    public int refusals() {
        return refusals.get();
    }

    @Override public void signalRefused() { refusals.incrementAndGet(); }
    @Override public void start() { }
    @Override public void addPressListener(ServiceButtonListener l) { listeners.add(l); }
    @Override public void setBusy(boolean b) { busy = b; }
    @Override public DeviceStatus status() { return DeviceStatus.ok(DEVICE, "simulated buttons", since); }
    @Override public void close() { }
}
