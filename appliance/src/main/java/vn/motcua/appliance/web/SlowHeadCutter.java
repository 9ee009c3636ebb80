package vn.motcua.appliance.web;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts LAN connections that trickle a request head (or a TLS handshake) in: Jetty holds no thread for them, but
 * each holds a connection, and a byte every few seconds keeps the idle timeout from firing. Looked at every
 * {@value #CHECK_SECONDS} s per HTTP connection: one that has not finished its first request head by the second
 * look, or that received bytes without finishing a head (nor feeding a body, see {@link WholeBodyFirst}) at two
 * looks in a row, is closed and counted. A browser's head arrives in one packet.
 */
final class SlowHeadCutter implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(SlowHeadCutter.class);
    static final long CHECK_SECONDS = 4;

    private final Scheduler scheduler;
    private final WebCounters counters;
    private final Predicate<Connection> loadingBody;

    SlowHeadCutter(Scheduler scheduler, WebCounters counters, Predicate<Connection> loadingBody) {
        this.scheduler = scheduler;
        this.counters = counters;
        this.loadingBody = loadingBody;
    }

    @Override
    public void onOpened(Connection c) {
        // the HTTP connection counts requests; the TLS connection under it does not (-1)
        if (c.getMessagesIn() >= 0) {
            new Watch(c).schedule();
        }
    }

    /** One connection's last look. */
    private final class Watch implements Runnable {
        private final Connection c;
        private long messages;
        private long bytes;
        private int looks;
        private boolean suspect;

        Watch(Connection c) {
            this.c = c;
        }

        void schedule() {
            scheduler.schedule(this, CHECK_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void run() {
            if (!c.getEndPoint().isOpen()) {
                return;
            }
            looks++;
            long m = c.getMessagesIn();
            long b = c.getBytesIn();
            boolean trickling = m == messages && b != bytes && !loadingBody.test(c);
            boolean late = m == 0 && looks >= 2;
            if (late || trickling && suspect) {
                counters.slowHeadersCut.incrementAndGet();
                log.info("Request head too slow from {}: cut off", c.getEndPoint().getRemoteSocketAddress());
                c.getEndPoint().close();
                return;
            }
            suspect = trickling;
            messages = m;
            bytes = b;
            schedule();
        }
    }
}
