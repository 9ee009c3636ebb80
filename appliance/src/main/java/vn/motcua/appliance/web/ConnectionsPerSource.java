package vn.motcua.appliance.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code max} open connections per source address on the LAN listener: a counter PC's browser opens about
 * six; one host cannot take the listener's whole share ({@code NetworkConnectionLimit} bounds the total). A
 * connection over the limit is closed as soon as it is accepted, logged once per burst and counted.
 */
final class ConnectionsPerSource implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerSource.class);

    private final int max;
    private final WebCounters counters;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    ConnectionsPerSource(int max, WebCounters counters) {
        this.max = max;
        this.counters = counters;
    }

    @Override
    public void onOpened(Connection c) {
        if (!network(c)) {
            return;
        }
        String source = source(c.getEndPoint());
        int n = open.merge(source, 1, Integer::sum);
        if (n > max) {
            if (counters.lanConnectionsRefused.incrementAndGet() % 100 == 1) {
                log.warn("LAN connections from {} over {} at once: closing the extra ones ({} so far)", source, max,
                        counters.lanConnectionsRefused.get());
            }
            c.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection c) {
        if (network(c)) {
            open.computeIfPresent(source(c.getEndPoint()), (k, n) -> n <= 1 ? null : n - 1);
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
