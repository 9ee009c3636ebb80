package vn.motcua.tests.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The start-up baseline of issue 20: a minimal Jetty 12 (the appliance's own version, core handlers as the appliance
 * uses) serving one page on {@code 127.0.0.1:<port>} until killed. Started by {@link PiBudgetBenchmark} with the
 * same JDK and JVM flags as the appliance.
 */
public final class MinimalJettyPage {
    private static final byte[] PAGE = "<!doctype html><html lang=\"vi\"><title>Màn hình</title><p>A001</p></html>"
            .getBytes(StandardCharsets.UTF_8);

    private MinimalJettyPage() {}

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap(PAGE), callback);
                return true;
            }
        });
        server.start();
        server.join();
    }
}
