package vn.motcua.appliance.web.lan;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The program {@link NamespaceSockets} runs inside a network namespace: it opens TLS connections to the LAN listener
 * for the test, one line of stdin per connection, each on a virtual thread of its own, and tells what came of them
 * on stdout, so the appliance sees the namespace's addresses. JDK only (started with nothing but its own class).
 *
 * <p>In, one per line (bytes in Base64; source {@code -} for the kernel's choice):
 * <ul>
 *   <li>{@code X id source host port request}: send the request, read the answer to its end, then
 *       {@code A id answer}, or {@code F id message} when the connection failed before any byte came back;</li>
 *   <li>{@code T id source host port gapMillis head}: send the head, then {@code S id}; then one byte every
 *       {@code gapMillis} until the server closes the connection, then {@code C id} (a slow client, cut).</li>
 * </ul>
 * The end of stdin ends the program and every connection with it. {@code R} (ready) is its first line.
 *
 * @see NamespaceSockets
 */
public final class SocketAgent {
    private static final int CONNECT_MILLIS = 10_000;
    private static final int READ_MILLIS = 30_000;
    private static final PrintStream OUT = new PrintStream(System.out, false, StandardCharsets.US_ASCII);

    private SocketAgent() {}

    /**
     * @param args the PEM certificate to trust (the LAN listener's, as a counter PC that accepted it), read at the
     *             first connection: it need not exist yet when this starts
     */
    public static void main(String[] args) throws Exception {
        warmUp();
        Path cacert = Path.of(args[0]);
        Supplier<SSLContext> tls = new Supplier<>() {
            private SSLContext made;

            @Override
            public synchronized SSLContext get() {
                if (made == null) {
                    made = trusting(cacert);
                }
                return made;
            }
        };
        reply("R");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "X" -> Thread.ofVirtual().start(() -> exchange(tls, f));
                case "T" -> Thread.ofVirtual().start(() -> trickle(tls, f));
                default -> throw new IllegalArgumentException("unknown command: " + line);
            }
        }
        System.exit(0); // the test is done with us: every connection goes
    }

    /**
     * A client hello made once: the first use of TLS in a JVM loads and initialises much (over a second on a loaded
     * machine), done here while the test starts its appliance rather than in its first request.
     */
    private static void warmUp() throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine("warm-up", 443);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
    }

    private static SSLSocket connect(Supplier<SSLContext> tls, String[] f) throws IOException {
        SSLSocket s = (SSLSocket) tls.get().getSocketFactory().createSocket();
        if (!f[2].equals("-")) {
            s.bind(new InetSocketAddress(InetAddress.getByName(f[2]), 0));
        }
        s.connect(new InetSocketAddress(f[3], Integer.parseInt(f[4])), CONNECT_MILLIS);
        return s;
    }

    private static void exchange(Supplier<SSLContext> tls, String[] f) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        Exception failed = null;
        try (SSLSocket s = connect(tls, f)) {
            s.setSoTimeout(READ_MILLIS);
            OutputStream out = s.getOutputStream();
            out.write(Base64.getDecoder().decode(f[5]));
            out.flush();
            s.getInputStream().transferTo(answer);
        } catch (IOException | RuntimeException e) {
            failed = e; // a reset after the answer leaves the answer standing
        }
        if (answer.size() > 0 || failed == null) {
            reply("A " + f[1] + " " + Base64.getEncoder().encodeToString(answer.toByteArray()));
        } else {
            reply("F " + f[1] + " " + Base64.getEncoder().encodeToString(String.valueOf(failed)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void trickle(Supplier<SSLContext> tls, String[] f) {
        long gap = Long.parseLong(f[5]);
        SSLSocket s;
        try {
            s = connect(tls, f);
            s.setSoTimeout(0);
            s.startHandshake();
            OutputStream out = s.getOutputStream();
            out.write(Base64.getDecoder().decode(f[6]));
            out.flush();
            reply("S " + f[1]);
            Thread.ofVirtual().start(() -> readUntilClosed(s, f[1]));
            for (int i = 0; i < 1000; i++) {
                out.write('X');
                out.flush();
                Thread.sleep(gap); // the attack's pace, not a synchronisation
            }
        } catch (IOException e) {
            // the server closed the connection: what is wanted (the reader tells it)
        } catch (RuntimeException e) {
            e.printStackTrace(); // no certificate to trust, say: never started, and the test says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads until the server closes the connection; this program never closes it itself before it ends. */
    private static void readUntilClosed(SSLSocket s, String id) {
        try (InputStream in = s.getInputStream()) {
            while (in.read() >= 0) {
                // an answer (408 or 4xx) may come before the close
            }
        } catch (IOException e) {
            // a reset, or the socket closed after a write the server refused: cut all the same
        }
        reply("C " + id);
    }

    private static void reply(String line) {
        synchronized (OUT) {
            OUT.print(line + "\n");
            OUT.flush();
        }
    }

    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("appliance", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + pem + ": " + e, e);
        }
    }
}
