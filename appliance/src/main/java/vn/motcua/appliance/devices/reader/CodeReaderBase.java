package vn.motcua.appliance.devices.reader;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.motcua.appliance.devices.DeviceStatus;

/**
 * What both reader adapters share: the scan pipeline and its gap ticker, the status link, and keeping the
 * device open. Every {@code reopenEvery} the injected scheduler looks at the device; one that is not open
 * (never opened yet, unplugged, failed) is opened again, and trouble opening it is reported as status, never
 * thrown. The adapters say only how to open their device, whether it is open, and how to let it go.
 */
abstract sealed class CodeReaderBase implements CodeReader permits SerialCodeReader, EvdevCodeReader, SimulatedCodeReader {
    final String path;
    final ScanPipeline pipeline;
    final ScheduledExecutorService scheduler;
    final ReaderLink link;
    private final Duration reopenEvery;
    private final Duration gapCheck;
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> watchdog;
    /** False once closed: a read loop checks it to stop. */
    volatile boolean running;

    /**
     * @param kind        "serial" or "evdev", for the status and log lines
     * @param reopenEvery how often to look at the device and reopen it after an unplug (e.g. 2 s)
     * @param gapCheck    how often to end scans whose inter-character gap passed (e.g. 20 ms)
     */
    CodeReaderBase(String kind, String path, ScanPipeline pipeline, ScheduledExecutorService scheduler, Clock clock,
                   Duration reopenEvery, Duration gapCheck) {
        this.path = path;
        this.pipeline = pipeline;
        this.scheduler = scheduler;
        this.reopenEvery = reopenEvery;
        this.gapCheck = gapCheck;
        this.link = new ReaderLink(kind + " " + path, clock);
    }

    /** Opens the device and starts reading, or reports why it cannot. Runs on the scheduler: must not block. */
    abstract void openDevice();

    /** True while the device is open and being read. */
    abstract boolean isOpen();

    /** Stops reading and lets the device go; called once, by {@link #close()}. */
    abstract void release();

    @Override
    public final synchronized void start() {
        if (ticker != null) {
            return;
        }
        running = true;
        ticker = scheduler.scheduleWithFixedDelay(this::tick, gapCheck.toMillis(), gapCheck.toMillis(), TimeUnit.MILLISECONDS);
        watchdog = scheduler.scheduleWithFixedDelay(this::keepOpen, 0, reopenEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes whatever the device has ready ({@link #poll()}) before asking the pipeline whether a gap
     * ended a scan, so bytes already waiting in the OS never look like a pause. Runs on the scheduler.
     */
    private void tick() {
        try { // a periodic task that throws would silently stop
            poll();
            pipeline.tick();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CodeReaderBase.class).error("code reader {}: tick failed", path, e);
        }
    }

    /** Reads what the device has ready without blocking; for adapters read by the ticker. Must not throw. */
    void poll() {
    }

    /** Runs on the scheduler: must never throw, or the periodic task would silently stop. */
    private synchronized void keepOpen() {
        if (!running || isOpen()) {
            return;
        }
        try {
            openDevice();
        } catch (RuntimeException e) { // jSerialComm throws when the device node is absent
            link.report(false, "cannot open " + path + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override public final void addScanListener(ScanListener l) { pipeline.addListener(l); }
    @Override public final void addStatusListener(Consumer<DeviceStatus> l) { link.add(l); }
    @Override public final DeviceStatus status() { return link.status(); }
    @Override public final ScanCounters counters() { return pipeline.counters(); }

    @Override
    public final synchronized void close() {
        running = false;
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        release();
        link.reportClosed();
    }
}
