package vn.motcua.appliance.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.web.LanKeystore;
import vn.motcua.appliance.web.LanLogin;

/**
 * Issue 21, finding 3: someone else's wrong guesses lock only the guesser's (account, source) pair, never the
 * rightful clerk at their own PC nor at the Pi (loopback); each refusal is logged with the account and the source.
 */
class LoginLockoutTest {
    @TempDir
    Path dir;
    private Appliance appliance;
    private SSLContext tls;
    private InetSocketAddress lan;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        logs.start();
        root.addAppender(logs);
        appliance = LanKeystore.applianceWithLan(dir);
        tls = LanKeystore.trusting(dir);
        lan = new InetSocketAddress("127.0.0.2", appliance.lanPort().orElseThrow());
    }

    @AfterEach
    void stop() throws Exception {
        root.detachAppender(logs);
        appliance.close();
    }

    @Test
    void guessesFromOneSourceNeverLockTheClerkOutAtTheirOwnPcOrAtThePi() throws Exception {
        int locked = 0;
        for (int i = 0; i < 8; i++) {
            int status = LanLogin.post(tls, lan, "127.0.0.66", "lan", "wrong-" + i).status();
            assertTrue(status == 401 || status == 429, "a guess is refused: " + status);
            locked += status == 429 ? 1 : 0;
        }
        assertTrue(locked >= 2, "the guesser's own pair is locked after five failures");
        assertEquals(200, LanLogin.post(tls, lan, "127.0.0.7", "lan", "mat-khau-1").status(),
                "the clerk logs in at their own PC");
        HttpResponse<String> atThePi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + appliance.webPort() + "/counter/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"lan\",\"password\":\"mat-khau-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, atThePi.statusCode(), "the clerk logs in at the Pi: " + atThePi.body());
        assertEquals(429, LanLogin.post(tls, lan, "127.0.0.66", "lan", "mat-khau-1").status(),
                "the guesser's pair stays locked even with the right password");
        assertTrue(logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .anyMatch(l -> l.contains("lan") && l.contains("127.0.0.66") && l.contains("refused")),
                "a refusal names the account and the source");
    }
}
