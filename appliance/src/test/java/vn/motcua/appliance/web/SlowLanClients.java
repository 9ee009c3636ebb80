package vn.motcua.appliance.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.appliance.web.lan.NamespaceSockets;

/**
 * Connections to the LAN listener from other hosts of the LAN (a network namespace's addresses) that trickle a
 * request in, one byte at a time: a body declared 1000 bytes long (slow body) or a header that never ends (slow
 * header). Each lasts until the server cuts it or {@link #close()}; {@link #cut()} counts those the server closed.
 */
final class SlowLanClients implements AutoCloseable {
    private final NamespaceSockets host;
    private final List<NamespaceSockets.Trickle> connections = new ArrayList<>();

    private SlowLanClients(NamespaceSockets host) {
        this.host = host;
    }

    /**
     * Opens {@code n} connections through {@code host} from its namespace's addresses in turn, {@code perSource}
     * from each (a source's share of LAN connections is bounded), each sending its head at once and then a byte
     * every {@code gapMillis}. {@link #close} ends {@code host}.
     */
    static SlowLanClients open(NamespaceSockets host, List<String> sources, InetSocketAddress lan, int n, int perSource,
                               boolean slowBody, long gapMillis) throws IOException {
        if (sources.size() * perSource < n) {
            throw new IllegalArgumentException(n + " connections, " + perSource + " a source, need more than "
                    + sources.size() + " addresses");
        }
        SlowLanClients c = new SlowLanClients(host);
        String head = slowBody
                ? "POST /counter/login HTTP/1.1\r\nHost: lan\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                : "GET /counter/me HTTP/1.1\r\nHost: lan\r\n";
        for (int i = 0; i < n; i++) {
            c.connections.add(host.trickle(sources.get(i / perSource), lan, head, gapMillis));
        }
        return c;
    }

    /** Connections whose handshake and head went through. */
    int started() {
        return (int) connections.stream().filter(NamespaceSockets.Trickle::started).count();
    }

    /** Connections the server closed. */
    int cut() {
        return (int) connections.stream().filter(NamespaceSockets.Trickle::cut).count();
    }

    @Override
    public void close() throws InterruptedException {
        host.close();
    }
}
