package vn.motcua.appliance.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectorManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code max} open connections per source address on the LAN listener: a counter PC's browser opens about
 * six; one host cannot take the listener's whole share ({@code NetworkConnectionLimit} bounds the total). A
 * connection over the limit is closed as soon as it is accepted, logged once per hundred and counted; so is every
 * new connection of a source the login throttle has found too fast, before its TLS handshake. The open
 * connections are kept as a set per source, and closed ones are dropped whenever the set is looked at, so a close
 * that is never reported cannot make the count drift.
 */
final class ConnectionsPerSource implements Connection.Listener, SelectorManager.AcceptListener {
    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerSource.class);

    private final int max;
    private final WebCounters counters;
    private final Map<String, Set<EndPoint>> open = new ConcurrentHashMap<>();
    private final Predicate<String> shunned;

    /** @param shunned sources whose new connections are closed at once (a login flood's, for its minute) */
    ConnectionsPerSource(int max, WebCounters counters, Predicate<String> shunned) {
        this.max = max;
        this.counters = counters;
        this.shunned = shunned;
    }

    /** A shunned source's connection is closed as it is accepted: no TLS engine, no buffers, nothing to collect. */
    @Override
    public void onAccepting(SelectableChannel channel) {
        try {
            if (channel instanceof SocketChannel sc && sc.getRemoteAddress() instanceof InetSocketAddress a
                    && a.getAddress() != null && shunned.test(a.getAddress().getHostAddress())) {
                counters.lanConnectionsShunned.incrementAndGet();
                sc.close();
            }
        } catch (IOException e) {
            // the client went away already
        }
    }

    @Override
    public void onOpened(Connection c) {
        if (!network(c)) {
            return;
        }
        EndPoint e = c.getEndPoint();
        String source = source(e);
        boolean over;
        Set<EndPoint> set = open.computeIfAbsent(source, k -> ConcurrentHashMap.newKeySet());
        synchronized (set) {
            set.removeIf(x -> !x.isOpen());
            over = set.size() >= max;
            if (!over) {
                set.add(e);
            }
        }
        if (over) {
            if (counters.lanConnectionsRefused.incrementAndGet() % 100 == 1) {
                log.warn("LAN connections from {} over {} at once: closing the extra ones ({} so far)", source, max,
                        counters.lanConnectionsRefused.get());
            }
            e.close();
        }
    }

    @Override
    public void onClosed(Connection c) {
        if (network(c)) {
            Set<EndPoint> set = open.get(source(c.getEndPoint()));
            if (set != null) {
                synchronized (set) {
                    set.remove(c.getEndPoint());
                    set.removeIf(x -> !x.isOpen());
                }
                open.computeIfPresent(source(c.getEndPoint()), (k, s) -> s.isEmpty() ? null : s);
            }
        }
    }

    /** The connection on the socket itself (TLS), not the HTTP one over it: one count per TCP connection. */
    private static boolean network(Connection c) {
        return c.getEndPoint() instanceof org.eclipse.jetty.io.SocketChannelEndPoint;
    }

    private static String source(EndPoint e) {
        SocketAddress a = e.getRemoteSocketAddress();
        return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress() : "?";
    }
}
