package vn.motcua.bus.transport;

import java.io.IOException;
import java.util.Optional;

/**
 * The byte pipe under the bus master: a serial port, or an in-memory wire to simulated boards.
 * Used by the master's single I/O thread only. An {@link IOException} means the link is gone
 * (adapter unplugged); the master then closes and later reopens.
 */
public interface BusTransport extends AutoCloseable {

    /** Opens (or reopens) the link; empty when open, else why not (shown as the boards' reason). */
    Optional<String> open();

    boolean isOpen();

    /** Sends a whole frame. */
    void write(byte[] frame) throws IOException;

    /**
     * Waits up to {@code timeoutNanos} for the first byte and returns what is there
     * (0 on timeout).
     */
    int read(byte[] buf, long timeoutNanos) throws IOException;

    /** Idempotent; never throws. */
    @Override
    void close();
}
