package vn.motcua.appliance;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Parts;
import vn.motcua.appliance.parts.PartFailedException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import vn.motcua.appliance.service.Health;

/** Parts start in the listed order and close in reverse; a part that fails to start is named, and what started is closed. */
class PartsTest {
    private final List<String> happened = new ArrayList<>();
    private final Health health = new Health();
    private final Parts parts = new Parts(health);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger partsLog = (Logger) LoggerFactory.getLogger(Parts.class);

    @BeforeEach
    void captureLog() {
        logs.start();
        partsLog.addAppender(logs);
    }

    @AfterEach
    void releaseLog() {
        partsLog.detachAppender(logs);
    }

    @Test
    void startsInTheListedOrderAndClosesInReverse() throws Exception {
        Recorded store = parts.start(new Recorded("store", false));
        parts.start(new Recorded("queue", false));
        parts.start(new Recorded("screens", false));

        assertEquals("store", store.name(), "start hands back the part it started");
        assertEquals(List.of("store", "queue", "screens"), parts.names());
        assertEquals(List.of("start store", "start queue", "start screens"), happened);
        happened.clear();
        parts.closeAll();
        assertEquals(List.of("close screens", "close queue", "close store"), happened);
        assertEquals(List.of(), parts.names());
        parts.closeAll(); // a second close (the shutdown hook after a failed start) closes nothing twice
        assertEquals(3, happened.size());
        assertTrue(health.allOk(), "nothing failed: nothing reported");
    }

    @Test
    void aPartThatFailsToStartIsNamedOnTheHealthPageAndInTheLogAndThePartsBeforeItAreClosed() throws Exception {
        parts.start(new Recorded("store", false));
        parts.start(new Recorded("counter bus", false));
        Recorded screens = new Recorded("screens", true);

        PartFailedException e = assertThrows(PartFailedException.class, () -> parts.start(screens));

        assertEquals("screens", e.part());
        assertTrue(e.getCause() instanceof IOException);
        assertEquals(List.of("start store", "start counter bus", "start screens",
                "close screens", "close counter bus", "close store"), happened,
                "the failed part releases what its half start opened, then the others close last first");
        Health.Status startup = health.snapshot().get("startup");
        assertFalse(startup.ok(), "/healthz is red");
        assertEquals("screens failed", startup.state());
        assertEquals("port 8080 in use", startup.detail());
        ILoggingEvent logged = logs.list.stream().filter(l -> l.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .findFirst().orElseThrow();
        assertEquals("The screens part failed to start: port 8080 in use; closing it and the parts started before it",
                logged.getFormattedMessage(), "the machine's state: one line, no stack trace");
        assertNull(logged.getThrowableProxy());
        assertEquals(List.of(), parts.names(), "nothing is left to close");
    }

    @Test
    void aBugInAPartsStartIsLoggedWithItsStackTrace() throws Exception {
        parts.start(new Recorded("store", false));
        IllegalStateException bug = new IllegalStateException("no layout");
        PartFailedException e = assertThrows(PartFailedException.class, () -> parts.start(new Part() {
            @Override public String name() { return "queue"; }
            @Override public void start() { throw bug; }
            @Override public void close() { happened.add("close queue"); }
        }));
        assertSame(bug, e.getCause());
        assertEquals(List.of("start store", "close queue", "close store"), happened);
        assertEquals("queue failed", health.snapshot().get("startup").state());
        ILoggingEvent logged = logs.list.stream().filter(l -> l.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .findFirst().orElseThrow();
        assertTrue(logged.getFormattedMessage().startsWith("The queue part failed to start"), logged.getFormattedMessage());
        assertSame(bug, ((ch.qos.logback.classic.spi.ThrowableProxy) logged.getThrowableProxy()).getThrowable());
    }

    @Test
    void aPartThatFailsToCloseDoesNotKeepTheOthersOpen() throws Exception {
        parts.start(new Recorded("store", false));
        parts.start(new Part() {
            @Override public String name() { return "district link"; }
            @Override public void start() { happened.add("start district link"); }
            @Override public void close() { throw new IllegalStateException("broker gone"); }
        });
        parts.closeAll();
        assertEquals(List.of("start store", "start district link", "close store"), happened);
        assertTrue(logs.list.stream().anyMatch(l -> l.getFormattedMessage().contains("Closing the district link part failed")));
    }

    @Test
    void noPartStartsOnceThePartsWereClosed() throws Exception {
        parts.start(new Recorded("store", false));
        parts.closeAll(); // SIGTERM while the appliance is still starting: the shutdown hook closes what started
        PartFailedException e = assertThrows(PartFailedException.class, () -> parts.start(new Recorded("queue", false)));
        assertEquals("queue", e.part());
        assertEquals(List.of("start store", "close store"), happened, "the queue never opened");
    }

    @Test
    void theWarmUpsRunAfterReadyInOrderOffTheStartingThreadAndOneFailingDoesNotStopTheNext() throws Exception {
        Thread starting = Thread.currentThread();
        List<Thread> ranOn = new ArrayList<>();
        parts.start(new Recorded("store", false));
        parts.start(new Part() {
            @Override public String name() { return "devices"; }
            @Override public void start() { happened.add("start devices"); }
            @Override public void afterReady() {
                ranOn.add(Thread.currentThread());
                throw new IllegalStateException("no fonts");
            }
            @Override public void close() { happened.add("close devices"); }
        });
        parts.start(new Part() {
            @Override public String name() { return "screens"; }
            @Override public void start() { happened.add("start screens"); }
            @Override public void afterReady() {
                ranOn.add(Thread.currentThread());
                happened.add("warm screens");
            }
            @Override public void close() { happened.add("close screens"); }
        });

        Thread after = parts.afterReady();
        after.join(10_000);

        assertFalse(after.isAlive());
        assertEquals(List.of("start store", "start devices", "start screens", "warm screens"), happened);
        assertEquals(2, ranOn.size(), "the failing warm-up ran first, the next one still ran");
        assertTrue(ranOn.stream().allMatch(t -> t == after && t != starting), "not on the thread that started the parts");
        assertTrue(logs.list.stream().anyMatch(l -> l.getLevel() == ch.qos.logback.classic.Level.WARN
                && l.getFormattedMessage().equals("The devices part's work after start-up failed; its first use will be slower")));
        assertTrue(health.allOk(), "a warm-up that failed is no start-up failure");
    }

    @Test
    void theWarmUpsWaitForTheFirstAnswerButNotLongerThanTheBound() throws Exception {
        List<String> warmed = java.util.Collections.synchronizedList(new ArrayList<>());
        parts.start(new Part() {
            @Override public String name() { return "devices"; }
            @Override public void start() { }
            @Override public void afterReady() { warmed.add("devices"); }
            @Override public void close() { }
        });
        java.util.concurrent.CompletableFuture<Void> first = new java.util.concurrent.CompletableFuture<>();
        Thread after = parts.afterReady(first, java.time.Duration.ofMinutes(5));
        after.join(300);
        assertTrue(after.isAlive() && warmed.isEmpty(), "no warm-up before the first page is answered");
        first.complete(null);
        after.join(10_000);
        assertEquals(List.of("devices"), warmed);

        Thread unanswered = parts.afterReady(new java.util.concurrent.CompletableFuture<>(), java.time.Duration.ofMillis(200));
        unanswered.join(10_000);
        assertFalse(unanswered.isAlive());
        assertEquals(List.of("devices", "devices"), warmed, "no page asked for: the warm-ups run after the bound");
    }

    @Test
    void noWarmUpRunsOnceThePartsWereClosed() throws Exception {
        parts.start(new Part() {
            @Override public String name() { return "devices"; }
            @Override public void start() { happened.add("start devices"); }
            @Override public void afterReady() { happened.add("warm devices"); }
            @Override public void close() { happened.add("close devices"); }
        });
        parts.closeAll(); // SIGTERM right after READY
        parts.afterReady().join(10_000);
        assertEquals(List.of("start devices", "close devices"), happened);
    }

    /** A part that writes down its start and close; one that fails throws from its start, after a half start. */
    private final class Recorded implements Part {
        private final String name;
        private final boolean fails;

        Recorded(String name, boolean fails) {
            this.name = name;
            this.fails = fails;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() throws IOException {
            happened.add("start " + name);
            if (fails) {
                throw new IOException("port 8080 in use");
            }
        }

        @Override
        public void close() {
            happened.add("close " + name);
        }
    }
}
