package vn.motcua.appliance.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;

/** Issue 21, finding 6: the live feed takes a bounded number of screens; one more gets a clear 503, counted. */
class ScreensCapTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    @Test
    void oneScreenMoreThanTheCapIsRefusedWithABilingualAnswerAndCounted() throws Exception {
        try (Appliance appliance = new Appliance(ConfigLoader.parse(TestStores.demoToml(dir), "test"), Clock.systemUTC())) {
            appliance.start();
            InetSocketAddress local = new InetSocketAddress("127.0.0.1", appliance.webPort());
            List<Socket> screens = new ArrayList<>();
            try {
                for (int i = 0; i < LiveFeed.MAX_SCREENS; i++) {
                    Socket s = new Socket();
                    s.connect(local);
                    s.getOutputStream().write("GET /events HTTP/1.1\r\nHost: display\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    screens.add(s);
                }
                TestStores.await(() -> appliance.screens().live().clientCount() == LiveFeed.MAX_SCREENS, LIMIT,
                        "every screen up to the cap connected");
                try (Socket extra = new Socket()) {
                    extra.connect(local);
                    extra.setSoTimeout(30_000);
                    extra.getOutputStream().write("GET /events HTTP/1.1\r\nHost: display\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    String answer = new String(readAll(extra.getInputStream()), StandardCharsets.UTF_8);
                    assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
                    assertTrue(answer.contains("\"error\":\"TOO_MANY_SCREENS\"") && answer.contains("message_vi")
                            && answer.contains("message_en"), answer);
                }
                assertEquals(LiveFeed.MAX_SCREENS, appliance.screens().live().clientCount(), "the others stay");
                assertEquals(1, appliance.screens().live().refusedCount());
            } finally {
                for (Socket s : screens) {
                    s.close();
                }
            }
        }
    }

    private static byte[] readAll(InputStream in) throws java.io.IOException {
        return in.readAllBytes();
    }
}
