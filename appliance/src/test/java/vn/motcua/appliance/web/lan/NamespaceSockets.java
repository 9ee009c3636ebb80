package vn.motcua.appliance.web.lan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raw TLS connections to the LAN listener from another host of the LAN: a {@link SocketAgent} run inside a
 * {@link NetNamespace} opens them on the test's behalf, so the appliance sees them come from the namespace's
 * addresses. For what curl ({@link NamespaceCurl}) cannot send: malformed requests, a chosen source address per
 * connection with many at once (a flood), a request trickled in a byte at a time (a slow client). One program per
 * instance, started once (a JVM's start, about half a second) and ended by {@link #close}, which also ends every
 * connection it holds.
 */
public final class NamespaceSockets implements AutoCloseable {
    private static final long ANSWER_SECONDS = 60;
    private final NetNamespace ns;
    private final Process agent;
    private final OutputStream commands;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<byte[]>> exchanges = new ConcurrentHashMap<>();
    private final Map<Integer, Trickle> trickles = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private NamespaceSockets(NetNamespace ns, Process agent) {
        this.ns = ns;
        this.agent = agent;
        this.commands = agent.getOutputStream();
    }

    /**
     * The agent started in {@code ns}, trusting {@code cacert} (the PEM the LAN listener's keystore is made with). It
     * reads the certificate at its first connection, so a test starts it before its appliance and the agent's own
     * start (a JVM and TLS made ready, a second or two) overlaps the appliance's.
     */
    public static NamespaceSockets start(NetNamespace ns, Path cacert) throws IOException {
        Process p = new ProcessBuilder(ns.java(SocketAgent.class, cacert.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        NamespaceSockets s = new NamespaceSockets(ns, p);
        Thread.ofPlatform().daemon().name("namespace-sockets").start(s::readReplies);
        return s;
    }

    /**
     * {@code request} sent on a new connection from {@code source} (one of the namespace's addresses, or null for the
     * kernel's choice) and the answer read until the server closes it; what came before a reset counts as the
     * answer. An {@link IOException} when the connection failed before any byte came back (refused, closed at
     * accept, reset).
     */
    public byte[] exchange(String source, InetSocketAddress lan, byte[] request) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        exchanges.put(id, answer);
        send("X " + id + " " + source(source) + " " + lan.getHostString() + " " + lan.getPort() + " "
                + Base64.getEncoder().encodeToString(request));
        try {
            return answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer in " + ANSWER_SECONDS + " s from " + lan, e);
        } finally {
            exchanges.remove(id);
        }
    }

    /**
     * A slow client: a connection from {@code source} that sends {@code head} at once, then a byte every
     * {@code gapMillis} until the server closes it; it stays open until then or until {@link #close}.
     */
    public Trickle trickle(String source, InetSocketAddress lan, String head, long gapMillis) throws IOException {
        int id = ids.incrementAndGet();
        Trickle t = new Trickle();
        trickles.put(id, t);
        send("T " + id + " " + source(source) + " " + lan.getHostString() + " " + lan.getPort() + " " + gapMillis + " "
                + Base64.getEncoder().encodeToString(head.getBytes(StandardCharsets.US_ASCII)));
        return t;
    }

    private String source(String source) {
        if (source == null) {
            return "-";
        }
        if (!ns.inside().contains(source)) {
            throw new IllegalArgumentException(source + " is not an address of the namespace: " + ns.inside());
        }
        return source;
    }

    private void send(String line) throws IOException {
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the socket agent did not start in the namespace", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        synchronized (commands) {
            commands.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            commands.flush();
        }
    }

    private void readReplies() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "R" -> ready.complete(null);
                    case "A" -> exchange(f[1]).complete(Base64.getDecoder().decode(f.length > 2 ? f[2] : ""));
                    case "F" -> exchange(f[1]).completeExceptionally(new IOException(
                            new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8)));
                    case "S" -> trickles.get(Integer.parseInt(f[1])).started.set(true);
                    case "C" -> trickles.get(Integer.parseInt(f[1])).cut.set(true);
                    default -> throw new IllegalStateException("the socket agent said: " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        IOException gone = new IOException("the socket agent ended");
        ready.completeExceptionally(gone);
        exchanges.values().forEach(f -> f.completeExceptionally(gone));
    }

    /** The exchange waiting for this answer, or a stand-in when it gave up waiting already. */
    private CompletableFuture<byte[]> exchange(String id) {
        return exchanges.getOrDefault(Integer.parseInt(id), new CompletableFuture<>());
    }

    /** Ends the agent, and with it every connection it still holds. */
    @Override
    public void close() throws InterruptedException {
        try {
            commands.close(); // the agent's end of stdin: it exits
        } catch (IOException ignored) {
            // already gone
        }
        if (!agent.waitFor(10, TimeUnit.SECONDS)) {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What became of a slow connection, as the agent saw it. */
    public static final class Trickle {
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicBoolean cut = new AtomicBoolean();

        /** Its handshake and head went through. */
        public boolean started() {
            return started.get();
        }

        /** The server closed it. */
        public boolean cut() {
            return cut.get();
        }
    }
}
