package vn.motcua.appliance.devices.reader;

import java.io.IOException;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A reader in keyboard (HID) mode, read straight from {@code /dev/input/eventN} and grabbed
 * exclusively (EVIOCGRAB) so its keystrokes do not reach the kiosk browser. Key presses become
 * ASCII through {@link UsKeymap}; Enter ends a scan. Use a stable path such as
 * {@code /dev/input/by-id/usb-...-event-kbd}. The blocking read loop runs on the injected I/O
 * executor (it polls with a timeout so {@link #close()} stops it); after an unplug it reopens.
 */
public final class EvdevCodeReader implements CodeReader {
    private static final int POLL_MS = 200;

    private final String path;
    private final boolean grab;
    private final ScanPipeline pipeline;
    private final Executor io;
    private final ScheduledExecutorService scheduler;
    private final Duration reopenEvery;
    private final ReaderLink link;
    private final int recordSize = InputEvents.nativeRecordSize();
    private volatile boolean running;
    private ScheduledFuture<?> ticker;

    /** @param grab false only for tests on a pipe, where the ioctl cannot apply */
    public EvdevCodeReader(String path, boolean grab, ScanPipeline pipeline, Executor io, ScheduledExecutorService scheduler,
                           Clock clock, Duration reopenEvery) {
        this.path = path;
        this.grab = grab;
        this.pipeline = pipeline;
        this.io = io;
        this.scheduler = scheduler;
        this.reopenEvery = reopenEvery;
        this.link = new ReaderLink("evdev " + path, clock);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        ticker = scheduler.scheduleWithFixedDelay(pipeline::tick, 20, 20, TimeUnit.MILLISECONDS);
        io.execute(this::loop);
    }

    private void loop() {
        while (running) {
            int fd;
            try {
                fd = LinuxInput.open(path);
            } catch (IOException e) {
                link.report(false, "cannot open " + path + ": " + e.getMessage());
                sleepReopen();
                continue;
            }
            try {
                if (grab) {
                    int err = LinuxInput.grab(fd, true);
                    if (err != 0) {
                        // keep reading: scans still work, but they also reach the focused window
                        link.report(true, "reading " + path + " NOT grabbed (errno " + err + ")");
                    } else {
                        link.report(true, "reading " + path + ", grabbed");
                    }
                } else {
                    link.report(true, "reading " + path + " (grab disabled)");
                }
                readUntilClosed(fd);
            } catch (IOException | RuntimeException e) { // the loop must outlive any one failure
                link.report(false, path + ": " + e.getMessage());
            } finally {
                LinuxInput.close(fd);
            }
            if (running) {
                sleepReopen();
            }
        }
    }

    private void readUntilClosed(int fd) throws IOException {
        KeyDecoder keys = new KeyDecoder();
        byte[] buf = new byte[recordSize * 64];
        int have = 0;
        while (running) {
            if (!LinuxInput.poll(fd, POLL_MS)) {
                continue;
            }
            int n = LinuxInput.read(fd, buf, have, buf.length - have);
            if (n == 0) {
                link.report(false, path + " closed (end of file)");
                return;
            }
            have += n;
            int whole = have - have % recordSize;
            for (int off = 0; off < whole; off += recordSize) {
                byte[] typed = keys.accept(InputEvents.decode(buf, off, recordSize, ByteOrder.nativeOrder()));
                if (typed.length > 0) {
                    pipeline.bytes(typed, 0, typed.length);
                }
            }
            System.arraycopy(buf, whole, buf, 0, have - whole);
            have -= whole;
        }
    }

    private void sleepReopen() {
        try {
            Thread.sleep(reopenEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override public void addScanListener(ScanListener l) { pipeline.addListener(l); }
    @Override public void addStatusListener(Consumer<ReaderStatus> l) { link.add(l); }
    @Override public ReaderStatus status() { return link.status(); }
    @Override public ScanCounters counters() { return pipeline.counters(); }

    @Override
    public synchronized void close() {
        running = false;
        if (ticker != null) {
            ticker.cancel(false);
        }
    }
}
