package vn.motcua.appliance.devices.reader;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listener plumbing both reader adapters share: status changes reported once each, to listeners. */
final class ReaderLink {
    private static final Logger log = LoggerFactory.getLogger(ReaderLink.class);
    private final String name;
    private final Clock clock;
    private final List<Consumer<ReaderStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile ReaderStatus status;

    ReaderLink(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
        this.status = new ReaderStatus(false, "not started", clock.instant());
    }

    ReaderStatus status() {
        return status;
    }

    void add(Consumer<ReaderStatus> l) {
        listeners.add(l);
    }

    void report(boolean connected, String detail) {
        ReaderStatus prev = status;
        status = new ReaderStatus(connected, detail, clock.instant());
        if (prev.connected() == connected && prev.detail().equals(detail)) {
            return;
        }
        // an unplugged reader is expected now and then: the status change is the signal, not a stack trace
        log.info("code reader {}: {} ({})", name, connected ? "connected" : "disconnected", detail);
        for (Consumer<ReaderStatus> l : listeners) {
            try {
                l.accept(status);
            } catch (RuntimeException e) {
                log.error("reader status listener failed", e);
            }
        }
    }
}
