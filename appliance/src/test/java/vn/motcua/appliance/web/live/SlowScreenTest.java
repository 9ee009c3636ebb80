package vn.motcua.appliance.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.domain.Priority;

/** A screen that stops reading is dropped once its bounded buffer is full; commands and other screens go on. */
class SlowScreenTest {
    /** Only stops a hung test: Jetty may take seconds to take a connection on a loaded CI machine. */
    private static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aScreenThatStopsReadingIsDroppedAndTheQueueKeepsWorking() throws Exception {
        String toml = TestStores.demoToml(dir);
        try (Appliance appliance = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
            appliance.start();
            LiveFeed feed = new LiveFeed(appliance.queue(), "vi", "en", Notice.of("", ""), Clock.systemUTC());
            appliance.queue().addListener(feed);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            server.setHandler(new EventsHandler(feed));
            server.start();
            try (Socket stuck = new Socket(); Socket healthy = new Socket()) {
                stuck.setReceiveBufferSize(4096);
                stuck.connect(new InetSocketAddress("127.0.0.1", connector.getLocalPort()));
                stuck.getOutputStream().write("GET /events HTTP/1.1\r\nHost: display\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                TestStores.await(() -> feed.clientCount() >= 1, LIMIT, "the stuck screen connected");
                assertEquals(1, feed.clientCount());

                Notice big = Notice.of("Thông báo ".repeat(29), "Notice ".repeat(42));
                for (int i = 0; i < 50_000 && feed.droppedCount() == 0; i++) {
                    feed.setNotice(big);
                }
                assertEquals(1, feed.droppedCount(), "the stuck screen was dropped");
                assertEquals(0, feed.clientCount());

                healthy.connect(new InetSocketAddress("127.0.0.1", connector.getLocalPort()));
                healthy.setSoTimeout(60_000); // a screen that never gets its events fails the test instead of hanging it
                healthy.getOutputStream().write("GET /events HTTP/1.1\r\nHost: display\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                // connected before the ticket, or its snapshot would already hold it and no queue event would come
                TestStores.await(() -> feed.clientCount() >= 1, LIMIT, "the healthy screen connected");
                appliance.queue().execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
                String seen = readUntil(healthy.getInputStream(), "\"waiting\":1");
                assertTrue(seen.contains("event: snapshot") && seen.contains("event: queue"), seen);
            } finally {
                server.stop();
            }
        }
    }

    private static String readUntil(InputStream in, String marker) throws Exception {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        for (int i = 0; i < 1000 && !sb.toString().contains(marker); i++) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
