package vn.motcua.appliance.parts;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.service.Health;

/**
 * The parts started so far, in order. A part that throws from its start is reported the same way whatever it is
 * (by name, in the log and under {@code startup} on the health page), then it and every part started before it
 * are closed in reverse, so a failed start leaves no port open and no thread running.
 */
public final class Parts {
    private static final Logger log = LoggerFactory.getLogger(Parts.class);

    private final Health health;
    private final Deque<Part> started = new ArrayDeque<>();
    private boolean closed;

    public Parts(Health health) {
        this.health = health;
    }

    /**
     * Starts {@code part} after those already started; on failure closes them all and throws. Refused once
     * {@link #closeAll} ran (a stop during start-up): nothing opens after the parts were closed.
     */
    public <P extends Part> P start(P part) throws PartFailedException {
        synchronized (this) {
            if (closed) {
                throw new PartFailedException(part.name(), new IllegalStateException("the appliance is stopping"));
            }
            started.push(part); // closed even if its start fails half-way: see Part
        }
        try {
            part.start();
            return part;
        } catch (Exception | Error e) {
            PartFailedException failed = new PartFailedException(part.name(), e);
            String detail = e.getMessage() != null ? e.getMessage() : e.toString();
            health.register("startup", () -> Health.Status.fault(part.name() + " failed", detail));
            if (e instanceof RuntimeException || e instanceof Error) { // unexpected: a bug, its stack trace helps
                log.error("The {} part failed to start; closing it and the parts started before it", part.name(), e);
            } else { // the machine's state (a port taken, a full disk, a device missing): one line says it
                log.error("The {} part failed to start: {}; closing it and the parts started before it", part.name(),
                        detail);
            }
            closeAll();
            throw failed;
        }
    }

    /** The names of the parts started (or starting), first first. */
    public synchronized List<String> names() {
        List<String> out = new ArrayList<>();
        started.descendingIterator().forEachRemaining(p -> out.add(p.name()));
        return out;
    }

    /**
     * Runs each started part's {@link Part#afterReady} once, first part first, on a daemon thread of its own: called
     * when the appliance is READY. Stops early when the parts are being closed; returns the thread (tests join it).
     */
    public Thread afterReady() {
        return afterReady(CompletableFuture.completedFuture(null), Duration.ZERO);
    }

    /**
     * As {@link #afterReady()}, the warm-ups waiting first for {@code first} (the first page answered: they would
     * take the CPU from it) but no longer than {@code atMost} after READY (no screen may ask for a while).
     */
    public Thread afterReady(CompletableFuture<?> first, Duration atMost) {
        List<Part> inOrder;
        synchronized (this) {
            inOrder = new ArrayList<>(started);
        }
        Collections.reverse(inOrder);
        Thread t = new Thread(() -> {
            try {
                first.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            } catch (ExecutionException | TimeoutException e) {
                // no first answer yet, or it failed: warm up now all the same
            }
            for (Part part : inOrder) {
                if (closed()) {
                    return;
                }
                try {
                    part.afterReady();
                } catch (Exception | Error e) {
                    if (closed()) {
                        return; // stopped under it: the part's close ended its work, nothing went wrong
                    }
                    log.warn("The {} part's work after start-up failed; its first use will be slower", part.name(), e);
                }
            }
        }, "after-ready");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    private synchronized boolean closed() {
        return closed;
    }

    /** Closes every part started, last first; a part that fails to close is logged and the others still close. */
    public void closeAll() {
        synchronized (this) {
            closed = true;
        }
        while (true) {
            Part part;
            synchronized (this) {
                part = started.poll();
            }
            if (part == null) {
                return;
            }
            try {
                part.close();
            } catch (Exception | Error e) {
                log.warn("Closing the {} part failed", part.name(), e);
            }
        }
    }
}
