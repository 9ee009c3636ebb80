package vn.motcua.appliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Connections to the LAN listener that trickle a request in, one byte at a time: a body declared 1000 bytes long
 * (slow body) or a header that never ends (slow header). Each runs on a virtual thread of its own until the
 * server cuts it or {@link #close()}; {@link #cut()} counts those the server closed.
 */
final class SlowLanClients implements AutoCloseable {
    private final List<SSLSocket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger cut = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();

    /**
     * Opens {@code n} connections from 127.0.0.10 and up, {@code perSource} from each (a source's share of LAN
     * connections is bounded), each sending its head at once and then a byte every {@code gapMillis}.
     */
    static SlowLanClients open(SSLContext tls, InetSocketAddress lan, int n, int perSource, boolean slowBody,
                               long gapMillis) throws IOException {
        SlowLanClients c = new SlowLanClients();
        for (int i = 0; i < n; i++) {
            SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
            s.bind(new InetSocketAddress(java.net.InetAddress.getByName("127.0.0." + (10 + i / perSource)), 0));
            s.connect(lan, 10_000);
            s.setSoTimeout(0);
            c.sockets.add(s);
            String head = slowBody
                    ? "POST /counter/login HTTP/1.1\r\nHost: lan\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                    : "GET /counter/me HTTP/1.1\r\nHost: lan\r\n";
            c.threads.add(Thread.ofVirtual().start(() -> c.trickle(s, head, gapMillis)));
        }
        return c;
    }

    private void trickle(SSLSocket s, String head, long gapMillis) {
        try {
            s.startHandshake();
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            started.incrementAndGet();
            Thread.ofVirtual().start(() -> readUntilClosed(s));
            for (int i = 0; i < 1000 && !s.isClosed(); i++) {
                out.write('X');
                out.flush();
                Thread.sleep(gapMillis); // the attack's pace, not a synchronisation
            }
        } catch (IOException e) {
            // the server closed the connection: what is wanted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readUntilClosed(SSLSocket s) {
        try (InputStream in = s.getInputStream()) {
            while (in.read() >= 0) {
                // an answer (408 or 4xx) may come before the close
            }
            cut.incrementAndGet();
        } catch (IOException e) {
            if (!s.isClosed()) {
                cut.incrementAndGet();
            }
        }
    }

    /** Connections whose handshake and head went through. */
    int started() {
        return started.get();
    }

    /** Connections the server closed. */
    int cut() {
        return cut.get();
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (SSLSocket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
