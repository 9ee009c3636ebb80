package vn.motcua.appliance.web;

import java.util.concurrent.atomic.AtomicLong;

/** What the listeners cut off or refused since start, for {@code /metrics} and {@code /healthz}. */
public final class WebCounters {
    final AtomicLong slowBodiesCut = new AtomicLong();
    final AtomicLong slowHeadersCut = new AtomicLong();
    final AtomicLong lanConnectionsRefused = new AtomicLong();
    final AtomicLong lanConnectionsShunned = new AtomicLong();

    /** Requests whose body did not arrive whole within its deadline. */
    public long slowBodiesCut() {
        return slowBodiesCut.get();
    }

    /** Connections whose request head did not arrive whole within its deadline. */
    public long slowHeadersCut() {
        return slowHeadersCut.get();
    }

    /** LAN connections closed at once because their source already had its share open. */
    public long lanConnectionsRefused() {
        return lanConnectionsRefused.get();
    }

    /** LAN connections closed at once because their source was over its login attempts this minute. */
    public long lanConnectionsShunned() {
        return lanConnectionsShunned.get();
    }
}
