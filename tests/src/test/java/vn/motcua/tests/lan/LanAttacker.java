package vn.motcua.tests.lan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The attacker of {@link LanAttackTest}, a program of its own started inside the test's network namespace: another
 * host on the LAN, with many addresses, no credentials but the names of real staff. For {@code seconds} it runs at
 * once: slow bodies (a login declared 1000 bytes, one byte every 2 s), slow request heads, a login flood from every
 * address (made-up names, and the real clerk's and manager's names with wrong passwords: the lockout attempt), and,
 * from an address of its own, the real clerk logging in every 6.5 s with the right password. Every loop is bounded
 * in time and count. The attack runs in windows the test opens and closes on stdin ({@code on}, {@code off},
 * {@code end}), so that quiet and attacked samples alternate under the same background load; each command is
 * acknowledged on stdout ({@code ON n} once every slow client has tried its connection, {@code OFF}); at the end one
 * {@code RESULT <key> <value>} line per figure.
 *
 * <p>Arguments: {@code lanHost lanPort seconds floodThreads slowConnections clerkSource source...}
 */
public final class LanAttacker {
    private static final int MAX_LOGINS = 200_000;
    private final InetSocketAddress lan;
    private final long end;
    /**
     * The slow clients' addresses and the flood's, apart: an address that floods is soon refused at accept for the
     * rest of its minute, and its slow connections with it, so the body and head deadlines would go untested
     * whenever the flood is quick (seen once the heap stopped stalling the appliance).
     */
    private final List<String> slowSources;
    private final List<String> floodSources;
    private final SSLContext tls;
    private final Map<String, AtomicLong> results = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile boolean attacking;
    private volatile boolean ended;

    private LanAttacker(InetSocketAddress lan, long seconds, List<String> sources) throws Exception {
        this.lan = lan;
        this.end = System.nanoTime() + seconds * 1_000_000_000L;
        int slowCount = Math.max(1, sources.size() / 3);
        this.slowSources = sources.subList(0, slowCount);
        this.floodSources = sources.size() > slowCount ? sources.subList(slowCount, sources.size()) : sources;
        this.tls = SSLContext.getInstance("TLS");
        // an attacker does not check the certificate
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress lan = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        long seconds = Long.parseLong(args[2]);
        int floodThreads = Integer.parseInt(args[3]);
        int slow = Integer.parseInt(args[4]);
        String clerkSource = args[5];
        List<String> sources = List.of(args).subList(6, args.length);
        new LanAttacker(lan, seconds, sources).run(floodThreads, slow, clerkSource);
    }

    private boolean running() {
        return !ended && System.nanoTime() < end;
    }

    /** While the window is closed: true once it opens again, false at the end. */
    private boolean awaitWindow() {
        while (running() && !attacking) {
            sleepQuietly(20);
        }
        return running();
    }

    private void add(String key) {
        results.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private void run(int floodThreads, int slow, String clerkSource) throws Exception {
        List<Thread> threads = new ArrayList<>();
        AtomicInteger tried = new AtomicInteger();
        for (int i = 0; i < slow; i++) {
            String source = slowSources.get(i % slowSources.size());
            boolean body = i % 2 == 0;
            threads.add(Thread.ofVirtual().start(() -> slowClient(source, body, tried)));
        }
        for (int t = 0; t < floodThreads; t++) {
            int first = t;
            threads.add(Thread.ofPlatform().start(() -> flood(first)));
        }
        threads.add(Thread.ofPlatform().start(() -> clerk(clerkSource)));
        java.io.BufferedReader commands = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        for (String c; running() && (c = commands.readLine()) != null && !c.equals("end"); ) {
            if (c.equals("on")) {
                tried.set(0);
                attacking = true;
                for (int i = 0; i < 300 && tried.get() < slow && running(); i++) {
                    sleepQuietly(20); // until every slow client has tried to connect (at most 6 s)
                }
                System.out.println("ON " + tried.get());
            } else if (c.equals("off")) {
                attacking = false;
                System.out.println("OFF");
            }
            System.out.flush();
        }
        ended = true;
        for (Thread t : threads) {
            t.join();
        }
        for (Map.Entry<String, AtomicLong> e : new TreeMap<>(results).entrySet()) {
            System.out.println("RESULT " + e.getKey() + " " + e.getValue().get());
        }
        System.out.flush();
    }

    /** Trickles a request in, reconnecting whenever the server cuts it, until the end. */
    private void slowClient(String source, boolean body, AtomicInteger tried) {
        while (awaitWindow()) {
            boolean counted = false;
            boolean cut = false;
            try (SSLSocket s = connect(source)) {
                OutputStream out = s.getOutputStream();
                out.write((body ? "POST /counter/login HTTP/1.1\r\nHost: lan\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{" : "GET /counter/me HTTP/1.1\r\nHost: lan\r\nX-A: ")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (!counted) {
                    tried.incrementAndGet();
                    counted = true;
                }
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                while (running() && attacking && !cut) {
                    out.write('a');
                    out.flush();
                    try {
                        in.read(); // end of stream or an answer (408): either way the server cut it
                        cut = true;
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        // the read timeout is the attack's pace: a byte every 2 s
                    }
                }
            } catch (IOException e) {
                // refused at accept or cut during the handshake: tried all the same
                if (!counted) {
                    tried.incrementAndGet();
                }
                cut = running() && attacking;
                sleepQuietly(200);
            }
            if (cut) {
                add(body ? "slow_body_cut" : "slow_head_cut");
            }
        }
    }

    /** Logins from every flood address in turn: made-up names, and the real names with wrong passwords. */
    private void flood(int first) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = first; awaitWindow() && logins.incrementAndGet() < MAX_LOGINS; i++) {
            String source = floodSources.get(i % floodSources.size());
            int kind = r.nextInt(10);
            String user = kind < 6 ? "nv" + Long.toHexString(r.nextLong()) : kind < 9 ? "lan" : "chi";
            try {
                int status = post(source, "/counter/login",
                        "{\"user\":\"" + user + "\",\"password\":\"doan-" + r.nextInt(1_000_000) + "\"}");
                add("flood_status_" + status);
            } catch (IOException e) {
                add("flood_io");
                sleepQuietly(50); // closed at once: try again soon, as a flood would, without spinning
            }
        }
    }

    /** The real clerk at their own PC: logs in every 2 s; the figures are per answer, latencies in ms. */
    private void clerk(String source) {
        while (awaitWindow()) {
            long t0 = System.nanoTime();
            try {
                int status = post(source, "/counter/login", "{\"user\":\"lan\",\"password\":\"mat-khau-1\"}");
                add("clerk_status_" + status);
                if (status == 200) {
                    results.computeIfAbsent("clerk_ok_ms_max", k -> new AtomicLong())
                            .accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                }
            } catch (IOException e) {
                add("clerk_io");
            }
            sleepQuietly(6500); // the clerk's pace (under the 10 attempts a minute a PC has), not a synchronisation
        }
    }

    private SSLSocket connect(String source) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
        try {
            s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            s.connect(lan, 5000);
            s.setSoTimeout(30_000);
            s.startHandshake();
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private int post(String source, String path, String json) throws IOException {
        try (SSLSocket s = connect(source)) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: lan\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            for (int b; head.size() < 12 && (b = in.read()) >= 0; ) {
                head.write(b);
            }
            String line = head.toString(StandardCharsets.US_ASCII);
            in.transferTo(OutputStream.nullOutputStream());
            if (!line.startsWith("HTTP/1.1 ")) {
                // closed with no answer: the appliance cut a connection it judged too slow (on a loaded machine the
                // attacker, at nice 19, can be the slow one); counted with the other closed connections
                throw new IOException("connection closed without an answer");
            }
            return Integer.parseInt(line.substring(9, 12));
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
