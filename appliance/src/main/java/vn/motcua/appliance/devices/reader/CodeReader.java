package vn.motcua.appliance.devices.reader;

import java.util.function.Consumer;

/** Port: a barcode/QR reader. Adapters: {@link SerialCodeReader} (USB-serial) and {@link EvdevCodeReader} (keyboard mode). */
public interface CodeReader extends AutoCloseable {

    /** Opens the device and starts reading; reopens by itself after an unplug. Never throws for device trouble. */
    void start();

    void addScanListener(ScanListener listener);

    /** Told when the link goes up or down. */
    void addStatusListener(Consumer<ReaderStatus> listener);

    ReaderStatus status();

    ScanCounters counters();

    @Override
    void close();
}
