package vn.motcua.appliance.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.KeystoreCheck;
import vn.motcua.appliance.service.Health;

/**
 * Jetty, sized for a Pi: one small thread pool shared by up to two connectors. The local connector (plain HTTP,
 * {@code [web] bind}, normally 127.0.0.1) serves everything: the Pi's own Chromium shows the display and kiosk. The
 * LAN connector ({@code [web.lan]}, HTTPS only) serves the staff and manager pages to the counter PCs; what it may
 * reach is decided by {@link LanGate}, in front of the one handler tree.
 */
public final class WebServer implements AutoCloseable {
    /** A year: the counter PCs' browsers then never try plain HTTP to the appliance's name. */
    static final long HSTS_SECONDS = 365L * 24 * 3600;
    private final Server server;
    private final ServerConnector local;
    private final ServerConnector lan;
    private final LanGate gate;

    public WebServer(ApplianceConfig.Web web, Handler handler) throws IOException {
        this(web, handler, request -> false);
    }

    /** @param staffSession whether a request carries a live staff session: the LAN serves the live feed only then */
    public WebServer(ApplianceConfig.Web web, Handler handler, Predicate<Request> staffSession) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("web");
        server = new Server(pool);
        local = new ServerConnector(server, 1, 1);
        local.setHost(web.bind().getHostAddress());
        local.setPort(web.port());
        server.addConnector(local);
        lan = web.lan().enabled() ? lanConnector(server, web.lan()) : null;
        if (lan != null) {
            server.addConnector(lan);
        }
        gate = lan == null ? null : new LanGate(lan, staffSession, handler);
        server.setHandler(gate == null ? handler : gate);
        server.setStopTimeout(2000);
    }

    private static ServerConnector lanConnector(Server server, ApplianceConfig.Lan lan) throws IOException {
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
        ServerConnector c = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(http));
        c.setName("lan");
        c.setHost(lan.bind().getHostAddress());
        c.setPort(lan.port());
        return c;
    }

    public void start() throws Exception {
        server.start();
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

    /** A {@code web_lan} part on {@code /healthz} when the LAN listener is on: where it listens, what it refused. */
    public void registerHealth(Health health) {
        if (gate != null) {
            health.register("web_lan", () -> Health.Status.ok("https on " + lan.getHost() + ":" + lan.getLocalPort()
                    + ", " + gate.refusedCount() + " requests refused (not for the LAN)"));
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
