package vn.motcua.appliance.devices.reader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Personal data: whatever is scanned, the ID number, old ID and name never reach a log line or a result. */
class NoRawIdInLogsTest {
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before;

    @BeforeEach
    void capture() {
        before = root.getLevel();
        root.setLevel(Level.TRACE); // even debug lines must be clean
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
        root.setLevel(before);
    }

    @Test
    void noLogLineEventOrResultHoldsTheIdNumber() {
        var p = Scans.pipeline(System::nanoTime);
        List<ScanResult> results = new ArrayList<>();
        p.addListener(results::add);
        List<String> inputs = List.of(Scans.CCCD7, Scans.CCCD7, Scans.CCCD6,
                Scans.CCCD7.replace("|Nữ|", "|X|"),                      // malformed
                Scans.ID + "|only|three",                                 // wrong field count
                Scans.ID,                                                 // the bare number
                "ID " + Scans.ID + " scanned",                            // inside text
                Scans.ID + "\u0007" + Scans.ID,                           // with a control character
                Scans.ID.repeat(200),                                     // over-long
                Scans.CCCD7.replace("Nguyễn", "Nguy\u0000n"));
        for (String s : inputs) {
            byte[] b = (s + "\r").getBytes(StandardCharsets.UTF_8);
            p.bytes(b, 0, b.length);
        }
        byte[] bad = (Scans.ID + "|\u00ff").getBytes(StandardCharsets.ISO_8859_1); // invalid UTF-8 after the ID
        p.bytes(bad, 0, bad.length);
        p.bytes(new byte[] {'\r'}, 0, 1);

        assertTrue(logs.list.size() >= inputs.size(), "the scans were logged: " + logs.list.size());
        assertTrue(results.size() >= inputs.size() - 1);
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertClean(line);
        }
        for (ScanResult r : results) {
            assertClean(r.toString());
        }
    }

    @Test
    void aNameTypedWithoutDiacriticsOrSeparatorsNeverReachesALogLine() {
        // a keyboard-mode reader may drop the diacritics and the '|' of a card: plain ASCII words are still a name
        var p = Scans.pipeline(System::nanoTime);
        for (String s : List.of("Nguyen Van An 079203001234", "NGUYENVANAN", "Nguyen Van An", "Le Loi Phuong 3")) {
            byte[] b = (s + "\r").getBytes(StandardCharsets.UTF_8);
            p.bytes(b, 0, b.length);
        }
        assertTrue(logs.list.size() >= 4, "the scans were logged: " + logs.list.size());
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage();
            for (String part : List.of("guye", "GUYE", "Van", "VAN", "Loi", "huon")) {
                assertFalse(line.contains(part), () -> "part of a name in: " + line);
            }
        }
    }

    static void assertClean(String s) {
        assertFalse(s.contains(Scans.ID), () -> "raw ID number in: " + s);
        assertFalse(s.contains("025123456"), () -> "old ID number in: " + s);
        assertFalse(s.contains("Hồng Nhung") || s.contains("Lê Lợi"), () -> "name or address in: " + s);
    }
}
