package vn.motcua.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.parts.Shared;
import vn.motcua.appliance.service.DeviceCounters;
import vn.motcua.appliance.service.HallMessages;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.appliance.systemd.NotifyReceiver;
import vn.motcua.appliance.systemd.SystemdNotifier;
import vn.motcua.appliance.uplink.EventSender;
import vn.motcua.appliance.uplink.MemoryOutbox;
import vn.motcua.appliance.uplink.OutboxPump;
import vn.motcua.appliance.web.voice.ClipMaker;
import vn.motcua.appliance.web.voice.VoiceClips;
import vn.motcua.bus.Await;

/**
 * The watchdog pings as systemd receives them (a real datagram socket, {@code socat}): they go on while voice clips
 * are made and while the store waits to be reopened, and stop while the queue is wedged. WatchdogSec is 0.6 s here,
 * so a ping every 0.3 s; the waits are bounded, never a claim about speed.
 */
class WatchdogPingsTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String PING = "WATCHDOG=1";

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private Connection h2;
    private QueueStore store;
    private QueueService queue;
    private SystemdNotifier notifier;
    private Liveness liveness;
    private SystemdService systemd;

    private NotifyReceiver serve() throws Exception {
        Path socket = dir.resolve("notify");
        NotifyReceiver rx = NotifyReceiver.start("UNIX-RECV:" + socket, dir, () -> Files.exists(socket));
        Path data = Files.createDirectories(dir.resolve("data"));
        h2 = Database.open(data, clock).connection();
        store = new QueueStore(h2, new EventStamper("kiosk-1", clock, "boot-1", () -> true), Watermarks.load(data),
                CommitJournal.open(data, 256 * 1024));
        queue = new QueueService(TestOffices.small(), clock, store);
        notifier = SystemdNotifier.from(Map.of("NOTIFY_SOCKET", socket.toString(), "WATCHDOG_USEC", "600000"), 4242);
        liveness = new Liveness(queue, store);
        systemd = new SystemdService(notifier, liveness::check, "serving 3 counters",
                new Shared(clock, new Health(), scheduler, e -> {}, new DeviceCounters(), new HallMessages(clock), "boot-1"));
        systemd.start();
        rx.await("READY=1\nSTATUS=serving");
        return rx;
    }

    @AfterEach
    void stop() throws Exception {
        if (systemd != null) {
            systemd.close();
        }
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        if (store != null) {
            store.close();
        }
    }

    /** {@code n} more pings than have arrived by now. */
    private static void awaitMorePings(NotifyReceiver rx, int n, String what) throws IOException {
        int from = rx.count(PING);
        Await.until(LIMIT, () -> count(rx) >= from + n, () -> n + " more pings " + what + "; got " + (count(rx) - from));
    }

    private static int count(NotifyReceiver rx) {
        try {
            return rx.count(PING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pingsGoOnWhileVoiceClipsAreMade() throws Exception {
        // An espeak-ng that hangs on its first clip until the test lets it go: made on the scheduler, the clips
        // would hold it (20 s a clip) and no ping would come.
        Path started = dir.resolve("espeak-started");
        Path release = dir.resolve("espeak-release");
        Path espeak = dir.resolve("espeak-ng");
        Files.writeString(espeak, "#!/bin/sh\ntouch '" + started + "'\nwhile [ ! -e '" + release + "' ]; do sleep 0.05; done\nexit 1\n");
        Files.setPosixFilePermissions(espeak, PosixFilePermissions.fromString("rwx------"));
        try (NotifyReceiver rx = serve()) {
            awaitMorePings(rx, 1, "before the clips");
            ClipMaker maker = new ClipMaker(new VoiceClips(dir.resolve("voice"), espeak.toString()));
            try {
                maker.startAfter(scheduler, Duration.ZERO);
                Await.until(LIMIT, () -> Files.exists(started), "the clip maker runs espeak-ng");
                awaitMorePings(rx, 3, "while espeak-ng hangs");
                assertFalse(Files.exists(release));
                assertEquals("generating", maker.state());
            } finally {
                maker.close(); // stops the hung espeak-ng and the generation: nothing runs after its part closed
            }
            assertEquals("generation stopped", maker.state());
        }
    }

    /**
     * The uplink drains a backlog after an outage on the same scheduler, as MqttUplink does: its pump ticks every
     * 10 ms and is woken by every PUBACK; the pings go on meanwhile. 50 000 events at the shipped pace (500/s) take
     * at least 100 s, so the drain is still under way when the pings have been counted.
     */
    @Test
    void pingsGoOnWhileTheUplinkDrainsABacklog() throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(clock);
        for (int i = 0; i < 50_000; i++) {
            outbox.commit("ticket.issued", "{\"ticket\":\"A" + i + "\"}");
        }
        java.util.Queue<EventSender.Completion> acks = new java.util.concurrent.ConcurrentLinkedQueue<>();
        EventSender broker = (event, replayed, done) -> acks.add(done); // the broker's PUBACKs come back at the next tick
        OutboxPump[] pump = new OutboxPump[1];
        Runnable tick = () -> {
            for (EventSender.Completion c; (c = acks.poll()) != null; ) {
                c.acked();
            }
            pump[0].pump();
        };
        pump[0] = new OutboxPump(outbox, clock, 8, 32, 500, () -> {}, () -> scheduler.execute(tick));
        try (NotifyReceiver rx = serve()) {
            pump[0].connected(broker);
            scheduler.scheduleWithFixedDelay(tick, 10, 10, TimeUnit.MILLISECONDS);
            Await.until(LIMIT, () -> pump[0].stats().delivered() > 0, "the backlog starts draining");
            awaitMorePings(rx, 3, "while the backlog drains");
            long delivered = pump[0].stats().delivered();
            Await.until(LIMIT, () -> pump[0].stats().delivered() > delivered, "the drain goes on");
            assertTrue(outbox.pendingCount() > 0, "still draining when the pings were counted");
        }
    }

    @Test
    void aWedgedQueueStopsThePingsUntilItIsFree() throws Exception {
        try (NotifyReceiver rx = serve()) {
            awaitMorePings(rx, 1, "before the wedge");
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch free = new CountDownLatch(1);
            Thread wedge = Thread.ofPlatform().name("wedge").start(() -> {
                synchronized (queue) { // the lock every command takes, held as a hung command would
                    held.countDown();
                    try {
                        free.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            try {
                held.await();
                long failedBefore = liveness.failedCount();
                Await.until(LIMIT, () -> liveness.failedCount() > failedBefore, "a look that fails");
                long sent = notifier.sent();
                long failed = liveness.failedCount();
                Await.until(LIMIT, () -> liveness.failedCount() >= failed + 3, "three more looks that fail");
                assertEquals(sent, notifier.sent(), "no ping while the queue is wedged");
            } finally {
                free.countDown();
                wedge.join();
            }
            awaitMorePings(rx, 2, "once the queue is free again");
        }
    }

    @Test
    void aStoreWaitingToBeReopenedKeepsThePingsComing() throws Exception {
        try (NotifyReceiver rx = serve()) {
            awaitMorePings(rx, 1, "before the failure");
            // H2 failed to write and is gone (as MVStore closes itself): StoreHealing reopens it, not a restart.
            store.condition().databaseFailed(new IOException("No space left on device"));
            h2.close();
            awaitMorePings(rx, 3, "while the store waits to be reopened");
        }
    }

    @Test
    void aStoreThatStopsAnsweringWithoutFailingStopsThePings() throws Exception {
        try (NotifyReceiver rx = serve()) {
            awaitMorePings(rx, 1, "before the store stops");
            long failedBefore = liveness.failedCount();
            h2.close(); // not a storage failure: nothing heals this but a restart
            Await.until(LIMIT, () -> liveness.failedCount() > failedBefore, "a look that fails");
            long sent = notifier.sent();
            long failed = liveness.failedCount();
            Await.until(LIMIT, () -> liveness.failedCount() >= failed + 3, "three more looks that fail");
            assertEquals(sent, notifier.sent(), "no ping while the store does not answer");
        }
    }
}
