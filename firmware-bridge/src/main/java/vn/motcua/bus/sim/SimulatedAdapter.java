package vn.motcua.bus.sim;

import java.io.IOException;
import java.util.Optional;
import vn.motcua.bus.transport.BusTransport;

/**
 * The USB–RS-485 adapter under a simulated bus: open or closed, plugged in or pulled out. What the
 * in-memory transports share, so the demo and the tests can pull the cable out of either kind of bus
 * with {@link #unplug()} and put it back with {@link #plugIn()}.
 */
public abstract class SimulatedAdapter implements BusTransport {
    private volatile boolean plugged = true;
    private volatile boolean open;

    public final void unplug() {
        plugged = false;
    }

    public final void plugIn() {
        plugged = true;
    }

    @Override
    public final Optional<String> open() {
        if (!plugged) {
            return Optional.of("no device (simulated adapter unplugged)");
        }
        open = true;
        opened();
        return Optional.empty();
    }

    /** The port has just opened: forget what an earlier connection left behind. */
    protected void opened() {}

    @Override
    public final boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    /** Fails, as a real port does, once the adapter is gone; the port is then closed. */
    protected final void check() throws IOException {
        if (!open || !plugged) {
            open = false;
            throw new IOException("simulated adapter unplugged");
        }
    }
}
