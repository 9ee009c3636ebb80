package vn.motcua.appliance.devices.reader;

import java.util.function.Consumer;

import vn.motcua.appliance.devices.DeviceStatus;

/** Port: a barcode/QR reader. Adapters: {@link SerialCodeReader} (USB-serial) and {@link EvdevCodeReader} (keyboard mode). */
public interface CodeReader extends AutoCloseable {

    /** Opens the device and starts reading; reopens by itself after an unplug. Never throws for device trouble. */
    void start();

    void addScanListener(ScanListener listener);

    /** Told when the link goes up or down (OK, or FAULT {@code DISCONNECTED}; OFF {@code CLOSED} when closed). */
    void addStatusListener(Consumer<DeviceStatus> listener);

    DeviceStatus status();

    ScanCounters counters();

    @Override
    void close();
}
