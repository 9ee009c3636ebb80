package vn.motcua.appliance.devices.reader;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A reader in memory, for the demo ({@code mode = "simulated"}): {@link #scan} hands the code's bytes, with the CR
 * suffix a USB-serial reader sends, to the same pipeline the real adapters feed (framer, UTF-8 check, classifier,
 * duplicate filter), so a demo scan is recognised, reduced and counted exactly as a real one.
 */
public final class SimulatedCodeReader extends CodeReaderBase {
    private volatile boolean open;

    public SimulatedCodeReader(ScanPipeline pipeline, ScheduledExecutorService scheduler, Clock clock) {
        super("simulated", "in memory", pipeline, scheduler, clock, Duration.ofSeconds(2), Duration.ofMillis(20));
    }

    /** Scans {@code bytes} as a reader would send them, terminator included; ignored while closed. */
    public void scan(byte[] bytes) {
        if (open) {
            byte[] framed = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            framed[bytes.length] = '\r';
            pipeline.bytes(framed, 0, framed.length);
        }
    }

    @Override
    void openDevice() {
        open = true;
        link.report(true, "simulated reader");
    }

    @Override
    boolean isOpen() {
        return open;
    }

    @Override
    void release() {
        open = false;
    }
}
