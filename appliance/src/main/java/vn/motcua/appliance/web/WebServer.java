package vn.motcua.appliance.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.KeystoreCheck;
import vn.motcua.appliance.service.Health;

/**
 * Jetty, sized for a Pi, with up to two connectors. The local connector (plain HTTP, {@code [web] bind}, normally
 * 127.0.0.1) serves everything: the Pi's own Chromium shows the display and kiosk. The LAN connector
 * ({@code [web.lan]}, HTTPS only) serves the staff and manager pages to the counter PCs; what it may reach is
 * decided by {@link LanGate}, in front of the one handler tree. Both are read from one {@link Routes} table.
 *
 * <p>Nothing on the LAN can take the local listener's threads (issue 21): the LAN connector runs on a thread pool
 * of its own ({@value #LAN_THREADS} threads, at a lower CPU priority: {@link LanThreads}), bodies are read whole and asynchronously before any handler runs,
 * with a deadline ({@link WholeBodyFirst}), request heads that trickle are cut ({@link SlowHeadCutter}), and a
 * source may hold {@value #LAN_CONNECTIONS_PER_SOURCE} LAN connections at once, {@value #LAN_CONNECTIONS} in all.
 */
public final class WebServer implements AutoCloseable {
    static {
        // Jetty pads its thread pool's counters by references per cache line; unless told, it asks the JVM's
        // diagnostic MBean whether oops are compressed, which starts the platform MBean server (JMX and JFR command
        // classes, about 190, measured with -Xlog:class+load) on every start. 16: 64-byte lines (the Pi 4's
        // Cortex-A72, and x86) and compressed oops (a 128 MB heap). Only padding against false sharing; a technician's
        // -D still wins.
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /** A year: the counter PCs' browsers then never try plain HTTP to the appliance's name. */
    static final long HSTS_SECONDS = 365L * 24 * 3600;
    /** The LAN's own threads: password checks wait and compute on these, never on the kiosk's. */
    static final int LAN_THREADS = 10;
    static final int LAN_CONNECTIONS_PER_SOURCE = 16;
    static final int LAN_CONNECTIONS = 256;
    /** An idle kept-alive LAN connection is closed after this (a browser reopens one in a handshake). */
    static final long LAN_IDLE_MILLIS = 30_000;
    /** The LAN listener's connector name: what reaches it is never trusted as this machine's ({@link Exchange#fromLoopback}). */
    static final String LAN_CONNECTOR = "lan";
    private final Server server;
    private final ServerConnector local;
    private final ServerConnector lan;
    private final LanGate gate;
    private final FirstAnswer first;
    private final WebCounters counters;
    private final ApplianceConfig.Web web;

    /** A server with no route table: {@code handler} answers everything on the local listener, the LAN nothing. */
    public WebServer(ApplianceConfig.Web web, Handler handler) throws IOException {
        this(web, new Routes(List.of(), handler), LanAudiences.none(), new WebCounters(), source -> false);
    }

    /**
     * @param routes       the route table: the handler chain and what the LAN listener lets through
     * @param audiences    who a request is (a staff session, a paired screen): the LAN serves
     *                     {@link Exposure#LAN_STAFF} and the screens' routes only to theirs
     * @param counters     what the listeners cut off or refused, for /metrics
     * @param shunned      source addresses whose new LAN connections are closed at accept (a login flood's)
     */
    public WebServer(ApplianceConfig.Web web, Routes routes, LanAudiences audiences, WebCounters counters,
                     Predicate<String> shunned) throws IOException {
        this.web = web;
        this.counters = counters;
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("web");
        server = new Server(pool);
        // no Server header: a version in every answer only helps whoever looks for a known flaw (issue 15)
        HttpConfiguration localHttp = new HttpConfiguration();
        localHttp.setSendServerVersion(false);
        local = new ServerConnector(server, 1, 1, new HttpConnectionFactory(localHttp));
        local.setHost(web.bind().getHostAddress());
        local.setPort(web.port());
        server.addConnector(local);
        WholeBodyFirst bodies = new WholeBodyFirst(web.maxBodyBytes(), counters, routes.handler());
        lan = web.lan().enabled() ? lanConnector(server, web.lan(), counters, bodies::loadingBody, shunned) : null;
        if (lan != null) {
            server.addConnector(lan);
            server.addBean(new NetworkConnectionLimit(LAN_CONNECTIONS, lan));
        }
        gate = lan == null ? null : new LanGate(lan, routes, audiences, bodies);
        first = new FirstAnswer(gate == null ? bodies : gate);
        server.setHandler(first);
        server.setStopTimeout(2000);
        server.setErrorHandler(new ErrorAnswers(web.maxBodyBytes()));
    }

    private static ServerConnector lanConnector(Server server, ApplianceConfig.Lan lan, WebCounters counters,
                                                Predicate<org.eclipse.jetty.io.Connection> loadingBody,
                                                Predicate<String> shunned) throws IOException {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(lan.keystore().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(new String(KeystoreCheck.password(lan.keystorePasswordFile())));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The certificate is the office's own, usually reached by IP: the browser judges the name, not Jetty.
        secure.setSniHostCheck(false);
        secure.setStsMaxAge(HSTS_SECONDS);
        http.addCustomizer(secure);
        LanThreads threads = new LanThreads(LAN_THREADS);
        ServerConnector c = new ServerConnector(server, threads, null, null, 1, 1, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(http));
        c.setName(LAN_CONNECTOR);
        c.setHost(lan.bind().getHostAddress());
        c.setPort(lan.port());
        c.setIdleTimeout(LAN_IDLE_MILLIS);
        ConnectionsPerSource perSource = new ConnectionsPerSource(LAN_CONNECTIONS_PER_SOURCE, counters, shunned);
        c.addEventListener(perSource);
        c.getSelectorManager().addEventListener(perSource);
        c.addEventListener(new SlowHeadCutter(server.getScheduler(), counters, loadingBody));
        return c;
    }

    public void start() throws Exception {
        server.start();
    }

    /** Completes when the first request has been answered (what the warm-ups after READY wait for). */
    public CompletableFuture<Void> firstAnswer() {
        return first.answered();
    }

    public int port() {
        return local.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(local.getHost(), port());
    }

    /** The LAN listener's port, when it is enabled. */
    public Optional<Integer> lanPort() {
        return lan == null ? Optional.empty() : Optional.of(lan.getLocalPort());
    }

    /**
     * A {@code web_lan} part on {@code /healthz} when the LAN listener is on (where it listens, what it refused and
     * cut), and a {@code web_local} part when the local listener is off loopback (what is exposed, and why).
     */
    public void registerHealth(Health health) {
        if (gate != null) {
            health.register("web_lan", () -> Health.Status.ok("https on " + lan.getHost() + ":" + lan.getLocalPort()
                    + ", " + gate.refusedCount() + " requests refused (not for the LAN), "
                    + counters.slowBodiesCut() + " slow bodies and " + counters.slowHeadersCut() + " slow heads cut, "
                    + counters.lanConnectionsRefused() + " connections over a source's share and "
                    + counters.lanConnectionsShunned() + " from sources over their login attempts closed"));
        }
        web.exposedBecause().ifPresent(why -> health.register("web_local", () -> Health.Status.ok(exposure(why))));
    }

    /** Logged at start and shown on /healthz when the local listener is not on loopback. */
    private String exposure(String why) {
        return "EXPOSED on the LAN: plain http on " + local.getHost() + ":" + local.getLocalPort()
                + " serves the kiosk ticket API, /sim, the display and the live feed to any host (because: " + why + ")";
    }

    /** Says loudly, at start, what the local listener exposes when it is off loopback. */
    public void logExposure() {
        web.exposedBecause().ifPresent(why -> log.warn("{}", exposure(why)));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
