package vn.motcua.appliance.devices.reader;

/** Told of each scan (repeats within the window already dropped). Called on the reader's I/O thread: do not block. */
@FunctionalInterface
public interface ScanListener {
    void scanned(ScanResult result);
}
