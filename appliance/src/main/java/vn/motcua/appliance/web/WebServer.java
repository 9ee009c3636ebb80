package vn.motcua.appliance.web;

import java.net.InetSocketAddress;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import vn.motcua.appliance.config.ApplianceConfig;

/** Jetty, sized for a Pi: a small thread pool, one connector on the configured address. */
public final class WebServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    public WebServer(ApplianceConfig.Web web, Handler handler) {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("web");
        server = new Server(pool);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(web.bind().getHostAddress());
        connector.setPort(web.port());
        server.addConnector(connector);
        server.setHandler(handler);
        server.setStopTimeout(2000);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), port());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
