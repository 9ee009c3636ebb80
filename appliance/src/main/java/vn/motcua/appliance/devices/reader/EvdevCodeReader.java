package vn.motcua.appliance.devices.reader;

import java.io.IOException;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import vn.motcua.linux.LinuxFd;

/**
 * A reader in keyboard (HID) mode, read straight from {@code /dev/input/eventN} and grabbed
 * exclusively (EVIOCGRAB) so its keystrokes do not reach the kiosk browser. Key presses become
 * ASCII through {@link UsKeymap}; Enter ends a scan. Use a stable path such as
 * {@code /dev/input/by-id/usb-...-event-kbd}. Each open device is read by a blocking loop on the
 * injected I/O executor (it polls with a timeout so {@link #close()} stops it); when that loop ends
 * (unplugged, failed) the scheduler opens the device again ({@link CodeReaderBase}).
 */
public final class EvdevCodeReader extends CodeReaderBase {
    private static final int POLL_MS = 200;
    /** {@code _IOW('E', 0x90, int)}: 1 to grab the device for this fd alone, so scans do not type into the kiosk browser. */
    static final long EVIOCGRAB = 0x40044590L;
    private static final Duration GAP_CHECK = Duration.ofMillis(20);

    private final boolean grab;
    private final Executor io;
    private final int recordSize;
    /** True from the moment a read session is handed to the I/O executor until it has let its fd go. */
    private volatile boolean reading;

    /** @param grab false only for tests on a pipe, where the ioctl cannot apply */
    public EvdevCodeReader(String path, boolean grab, ScanPipeline pipeline, Executor io, ScheduledExecutorService scheduler,
                           Clock clock, Duration reopenEvery) {
        this(path, grab, pipeline, io, scheduler, clock, reopenEvery, InputEvents.nativeRecordSize());
    }

    /**
     * @param recordSize the kernel's {@code input_event} size: 24 on a 64-bit OS, 16 on a 32-bit one (the JVM's own
     *                   word size says which; a test passes the other to run the 32-bit layout through this reader)
     */
    EvdevCodeReader(String path, boolean grab, ScanPipeline pipeline, Executor io, ScheduledExecutorService scheduler,
                    Clock clock, Duration reopenEvery, int recordSize) {
        super("evdev", path, pipeline, scheduler, clock, reopenEvery, GAP_CHECK);
        if (recordSize != 16 && recordSize != 24) {
            throw new IllegalArgumentException("input_event records are 16 or 24 bytes, not " + recordSize);
        }
        this.grab = grab;
        this.io = io;
        this.recordSize = recordSize;
    }

    @Override
    boolean isOpen() {
        return reading;
    }

    @Override
    void openDevice() {
        reading = true;
        try {
            io.execute(this::session);
        } catch (RuntimeException e) { // the executor refused: no session runs, so the next check tries again
            reading = false;
            throw e;
        }
    }

    @Override
    void release() {
        // nothing to do here: the session sees running turn false within POLL_MS and closes its fd
    }

    /** On the I/O executor (opening may block, e.g. on a FIFO): open, grab, read until closed or stopped. */
    private void session() {
        try {
            int fd;
            try {
                fd = LinuxFd.open(path, LinuxFd.O_RDONLY);
            } catch (IOException e) {
                link.report(false, "cannot open " + path + ": " + e.getMessage());
                return;
            }
            try {
                if (grab) {
                    int err = LinuxFd.ioctl(fd, EVIOCGRAB, 1);
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
            } catch (IOException | RuntimeException e) { // the reader must outlive any one failure
                link.report(false, path + ": " + e.getMessage());
            } finally {
                LinuxFd.close(fd);
            }
        } finally {
            reading = false;
        }
    }

    private void readUntilClosed(int fd) throws IOException {
        KeyDecoder keys = new KeyDecoder();
        byte[] buf = new byte[recordSize * 64];
        int have = 0;
        while (running) {
            if (!LinuxFd.poll(fd, POLL_MS)) {
                continue;
            }
            int n = LinuxFd.read(fd, buf, have, buf.length - have);
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
}
