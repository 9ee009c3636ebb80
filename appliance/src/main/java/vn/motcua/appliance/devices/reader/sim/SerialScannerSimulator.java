package vn.motcua.appliance.devices.reader.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A reader in USB-serial mode, in software: writes each code as UTF-8 bytes plus the configured
 * suffix (CR by default) into the device side of a pty (or any stream), optionally byte by byte
 * with a pause, as a slow reader would.
 */
public final class SerialScannerSimulator {
    private final OutputStream out;
    private final byte[] suffix;

    /** @param suffix bytes the reader appends ("\r", "\r\n", or "" for readers framed by a pause) */
    public SerialScannerSimulator(OutputStream out, String suffix) {
        this.out = out;
        this.suffix = suffix.getBytes(StandardCharsets.US_ASCII);
    }

    public void scan(String code) throws IOException {
        scanBytes(code.getBytes(StandardCharsets.UTF_8));
    }

    /** Raw bytes (invalid UTF-8, control characters...) exactly as given, plus the suffix. */
    public void scanBytes(byte[] raw) throws IOException {
        out.write(raw);
        out.write(suffix);
        out.flush();
    }
}
