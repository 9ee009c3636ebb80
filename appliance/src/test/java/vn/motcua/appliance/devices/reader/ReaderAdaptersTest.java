package vn.motcua.appliance.devices.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.bus.pty.SocatPty;
import vn.motcua.appliance.devices.reader.sim.KeyboardScannerSimulator;
import vn.motcua.appliance.devices.reader.sim.SerialScannerSimulator;
import vn.motcua.appliance.devices.DeviceStatus;

/** Both real reader adapters, each fed by its simulator through the OS: a socat pty, and a FIFO of input_event records. */
class ReaderAdaptersTest {
    @TempDir Path dir;
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final BlockingQueue<ScanResult> scans = new LinkedBlockingQueue<>();
    CodeReader reader;

    @AfterEach
    void stop() {
        if (reader != null) reader.close();
        scheduler.shutdownNow();
    }

    ScanResult next() throws InterruptedException {
        ScanResult r = scans.poll(30, TimeUnit.SECONDS); // only a hung test waits this long
        assertTrue(r != null, "no scan within 30 s");
        return r;
    }

    @Test
    void serialModeReadsAVietnameseCardADossierAndAPauseFramedCode() throws Exception {
        try (SocatPty pty = new SocatPty(dir)) {
            reader = new SerialCodeReader(pty.host.toString(), 115200, Scans.pipeline(System::nanoTime), scheduler,
                    Scans.CLOCK, Duration.ofMillis(200), Duration.ofMillis(20));
            reader.addScanListener(scans::add);
            reader.start();
            waitUntil(() -> connected(reader.status()));
            assertTrue(connected(reader.status()), reader.status().detail());
            try (var dev = new FileOutputStream(pty.device.toFile())) {
                var cr = new SerialScannerSimulator(dev, "\r");
                cr.scan(Scans.CCCD7);
                var id = assertInstanceOf(ScanResult.CitizenId.class, next());
                assertEquals(1950, id.birthYear());
                cr.scan(Scans.DOSSIER);
                assertEquals(new ScanResult.Dossier(Scans.DOSSIER), next());
                new SerialScannerSimulator(dev, "").scan(Scans.TICKET_URL); // no suffix: the pause ends it
                assertEquals(new ScanResult.Ticket("A023", Scans.TICKET_URL), next());
                cr.scanBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'});
                assertEquals(ScanResult.Reason.INVALID_UTF8, ((ScanResult.Rejected) next()).reason());
            }
            assertEquals(1, reader.counters().citizenIds());
        }
    }

    @Test
    void aSerialReaderUnpluggedAndPluggedBackIsReportedAndReadAgain() throws Exception {
        var statuses = new java.util.concurrent.CopyOnWriteArrayList<DeviceStatus>();
        Path plugDir = java.nio.file.Files.createDirectories(dir.resolve("plug"));
        SocatPty pty = new SocatPty(plugDir);
        reader = new SerialCodeReader(pty.host.toString(), 115200, Scans.pipeline(System::nanoTime), scheduler,
                Scans.CLOCK, Duration.ofMillis(100), Duration.ofMillis(20));
        reader.addScanListener(scans::add);
        reader.addStatusListener(statuses::add);
        reader.start();
        waitUntil(() -> connected(reader.status()));
        assertTrue(connected(reader.status()), reader.status().detail());
        pty.close(); // cable pulled: the tty disappears
        waitUntil(() -> !connected(reader.status()));
        assertTrue(!connected(reader.status()), "unplug noticed: " + statuses);
        try (SocatPty again = new SocatPty(plugDir)) { // plugged back: same device name
            waitUntil(() -> connected(reader.status()));
            assertTrue(connected(reader.status()), "reopened: " + statuses);
            try (var dev = new FileOutputStream(again.device.toFile())) {
                new SerialScannerSimulator(dev, "\r").scan(Scans.DOSSIER);
                assertEquals(new ScanResult.Dossier(Scans.DOSSIER), next());
            }
        }
    }

    /**
     * With jSerialComm's event listener, an unplug followed at once by the appliance stopping now and then
     * aborted the JVM (upstream issue #628; once in CI, once in two 60-round runs of this loop, not in
     * twelve more): a native crash, not a failed assertion. Kept as a guard on the listener-free reader.
     */
    @Test
    void aReaderUnpluggedAndClosedAtOnceManyTimesOverNeverTakesTheJvmDown() throws Exception {
        Path plugDir = java.nio.file.Files.createDirectories(dir.resolve("again"));
        for (int round = 0; round < 60; round++) {
            ScheduledExecutorService own = Executors.newScheduledThreadPool(2);
            BlockingQueue<ScanResult> got = new LinkedBlockingQueue<>();
            SocatPty pty = new SocatPty(plugDir);
            CodeReader r = new SerialCodeReader(pty.host.toString(), 115200, Scans.pipeline(System::nanoTime), own,
                    Scans.CLOCK, Duration.ofMillis(100), Duration.ofMillis(20));
            try {
                r.addScanListener(got::add);
                r.start();
                waitUntil(() -> connected(r.status()));
                try (var dev = new FileOutputStream(pty.device.toFile())) {
                    new SerialScannerSimulator(dev, "\r").scan(Scans.DOSSIER);
                    assertEquals(new ScanResult.Dossier(Scans.DOSSIER), got.poll(30, TimeUnit.SECONDS), "round " + round);
                }
            } finally {
                pty.close(); // pulled, and the appliance stops in the same instant, or a few ms later
                Thread.sleep(round % 10);
                r.close();
                own.shutdownNow();
            }
            assertTrue(!connected(r.status()));
        }
    }

    @Test
    void theConfiguredReaderMakesTheOfficeKeyOnceAndLinksTheSameCardAcrossRestarts() throws Exception {
        try (SocatPty pty = new SocatPty(dir)) {
            var setup = ReaderSetup.from(new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(
                    "[devices.reader]\nmode = \"serial\"\nport = \"" + pty.host + "\"\n").path("devices"));
            String[] keys = new String[2];
            for (int run = 0; run < 2; run++) { // two appliance starts on the same data folder
                CodeReader r = ReaderDevice.open(setup, dir.resolve("data"), Executors.newVirtualThreadPerTaskExecutor(),
                        scheduler, Scans.CLOCK, java.time.ZoneId.of("Asia/Ho_Chi_Minh")).orElseThrow();
                r.addScanListener(scans::add);
                r.start();
                waitUntil(() -> connected(r.status()));
                try (var dev = new FileOutputStream(pty.device.toFile())) {
                    new SerialScannerSimulator(dev, "\r").scan(Scans.CCCD7);
                    keys[run] = assertInstanceOf(ScanResult.CitizenId.class, next()).residentKey();
                } finally {
                    r.close();
                }
            }
            assertEquals(keys[0], keys[1]);
            assertTrue(java.nio.file.Files.size(dir.resolve("data/resident.key")) == 32);
        }
    }

    /** A keyboard-mode reader started on a FIFO standing in for /dev/input/eventN; its statuses are collected. */
    private Path evdevOnFifo(boolean grab, java.util.List<DeviceStatus> statuses) throws Exception {
        Path fifo = dir.resolve("event0");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        reader = new EvdevCodeReader(fifo.toString(), grab, Scans.pipeline(System::nanoTime),
                Executors.newVirtualThreadPerTaskExecutor(), scheduler, Scans.CLOCK, Duration.ofMillis(100));
        reader.addScanListener(scans::add);
        reader.addStatusListener(statuses::add);
        reader.start();
        return fifo;
    }

    @Test
    void keyboardModeReadsInputEventRecordsAndTriesTheExclusiveGrab() throws Exception {
        var statuses = new java.util.concurrent.CopyOnWriteArrayList<DeviceStatus>();
        Path fifo = evdevOnFifo(true, statuses);
        try (var out = new FileOutputStream(fifo.toFile())) {
            var kb = new KeyboardScannerSimulator(out, InputEvents.nativeRecordSize());
            kb.scan(Scans.DOSSIER);
            assertEquals(new ScanResult.Dossier(Scans.DOSSIER), next());
            kb.scan(Scans.TICKET_URL);
            assertEquals(new ScanResult.Ticket("A023", Scans.TICKET_URL), next());
        }
        // the ioctl really ran: a FIFO is not an input device, so the kernel said ENOTTY (25)
        assertTrue(statuses.stream().anyMatch(st -> connected(st) && st.detail().contains("NOT grabbed (errno 25)")),
                statuses.toString());
    }

    @Test
    void keyboardModeOnA32BitOsReads16ByteRecords() throws Exception {
        Path fifo = dir.resolve("event32");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        reader = new EvdevCodeReader(fifo.toString(), false, Scans.pipeline(System::nanoTime),
                Executors.newVirtualThreadPerTaskExecutor(), scheduler, Scans.CLOCK, Duration.ofMillis(100), 16);
        reader.addScanListener(scans::add);
        reader.start();
        try (var out = new FileOutputStream(fifo.toFile())) { // what a 32-bit Raspberry Pi OS kernel writes
            new KeyboardScannerSimulator(out, 16).scan(Scans.DOSSIER);
            assertEquals(new ScanResult.Dossier(Scans.DOSSIER), next());
        }
    }

    @Test
    void aSerialReaderPluggedInAfterTheApplianceStartedIsReportedThenRead() throws Exception {
        Path plugDir = java.nio.file.Files.createDirectories(dir.resolve("late"));
        reader = new SerialCodeReader(plugDir.resolve("tty-host").toString(), 115200, Scans.pipeline(System::nanoTime),
                scheduler, Scans.CLOCK, Duration.ofMillis(100), Duration.ofMillis(20));
        reader.addScanListener(scans::add);
        reader.start(); // no device yet: status, not an exception
        waitUntil(() -> reader.status().detail().startsWith("cannot open"));
        assertTrue(!connected(reader.status()) && reader.status().detail().startsWith("cannot open"),
                reader.status().toString());
        try (SocatPty pty = new SocatPty(plugDir)) {
            waitUntil(() -> connected(reader.status()));
            assertTrue(connected(reader.status()), reader.status().toString());
            try (var dev = new FileOutputStream(pty.device.toFile())) {
                new SerialScannerSimulator(dev, "\r").scan(Scans.DOSSIER);
                assertEquals(new ScanResult.Dossier(Scans.DOSSIER), next());
            }
        }
    }

    @Test
    void aKeyboardReaderWhoseDeviceWentAwayIsReportedAndReadAgain() throws Exception {
        var statuses = new java.util.concurrent.CopyOnWriteArrayList<DeviceStatus>();
        Path fifo = evdevOnFifo(false, statuses);
        try (var out = new FileOutputStream(fifo.toFile())) {
            new KeyboardScannerSimulator(out, InputEvents.nativeRecordSize()).scan(Scans.DOSSIER);
            assertEquals(new ScanResult.Dossier(Scans.DOSSIER), next());
        } // the device node goes away: the reader sees the end of its file
        // the status field changes just before the listeners hear of it: wait for what the listener got
        waitUntil(() -> statuses.stream().anyMatch(st -> !connected(st) && st.detail().endsWith("closed (end of file)")));
        assertTrue(statuses.stream().anyMatch(st -> !connected(st) && st.detail().endsWith("closed (end of file)")),
                statuses.toString());
        try (var out = new FileOutputStream(fifo.toFile())) { // back: the reader has opened it again
            new KeyboardScannerSimulator(out, InputEvents.nativeRecordSize()).scan(Scans.TICKET_URL);
            assertEquals(new ScanResult.Ticket("A023", Scans.TICKET_URL), next());
        }
        assertTrue(statuses.stream().filter(st -> connected(st)).count() >= 2, statuses.toString());
    }

    /**
     * Polls until {@code done}, at most 30 s: that bound only stops a hung test (a loaded CI machine may take
     * seconds to open a pty or notice one gone); the assertion that follows says what was expected.
     */
    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static boolean connected(DeviceStatus s) {
        return s.state() == DeviceStatus.State.OK;
    }
}
