package vn.motcua.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Start-up stand-in for the AOT-cache measurement: starts Jetty (the appliance's web server) on a
 * free port, answers one request to itself, exits. Run in a fresh JVM per sample by
 * AotCacheBenchmarkTest with the appliance's own classpath and JVM flags.
 */
public final class JettyStartProbe {
    private JettyStartProbe() {}

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.write(true, java.nio.ByteBuffer.wrap("{\"status\":\"ok\"}".getBytes()), callback);
                return true;
            }
        });
        server.start();
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        server.stop();
        if (r.statusCode() != 200) {
            System.exit(1);
        }
    }
}
