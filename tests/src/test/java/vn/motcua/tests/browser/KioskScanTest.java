package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.appliance.devices.reader.ResidentKeyFile;
import vn.motcua.appliance.devices.reader.ResidentKeyer;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;
import vn.motcua.bus.pty.RealParts;
import vn.motcua.bus.pty.SocatPty;

/**
 * A resident holds an appointment slip under the code reader beside the kiosk: the reader (USB-serial mode,
 * here one end of a socat pty pair with the appliance's real jSerialComm adapter on the other) sends the code,
 * and the kiosk screen in Chromium shows that dossier's status, late in red, on the kiosk page itself, so the next
 * scan (a slip, an ID card) is handled at once; a touch or the configured timeout brings the start screen back. A
 * resident without a reader types the code on the kiosk's own keyboard. Or the resident holds their citizen
 * ID card (CCCD) under it: the kiosk says the card was read (no name, no number), and the ticket they take next
 * carries their resident key in the store; the ticket after it does not. Or the resident scans their own ticket: the
 * kiosk shows where it stands; yesterday's ticket is refused.
 */
class KioskScanTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /** The appliance with its code reader in USB-serial mode on the host end of {@code reader}. */
    private ApplianceProcess withSerialReader(SocatPty reader) throws java.io.IOException {
        return withSerialReader(reader, toml -> toml);
    }

    /** @param edit a change to the demo config besides the reader */
    private ApplianceProcess withSerialReader(SocatPty reader, java.util.function.UnaryOperator<String> edit)
            throws java.io.IOException {
        return new ApplianceProcess(dir, toml -> edit.apply(toml)
                + "\n[devices.reader]\nmode = \"serial\"\nport = \"" + reader.host + "\"\nbaud = 9600\n");
    }

    static final String LATE_SLIP = "000.00.15.H29-261110-0102";
    static final String IN_PROGRESS_SLIP = "000.00.15.H29-261115-0101";
    static final String RED = "rgba(200, 16, 46, 1)";

    /**
     * Item 7 of issue 15: the kiosk stays on the live link while a status is shown. A late slip, then a second slip and
     * an ID card scanned while a status is on screen: each is handled (the second slip's status replaces the first,
     * the card brings the start screen with the card notice), all on the one kiosk page.
     */
    @Test
    void aSlipThenASecondSlipAndACardScannedWhileTheStatusIsShownAreEachHandled() throws Exception {
        RealParts.require("socat", "apt-get install socat");
        ChromeDriver kiosk = null;
        try (SocatPty reader = new SocatPty(dir);
             ApplianceProcess app = withSerialReader(reader)) {
            kiosk = startWithKiosk(app);
            String page = kiosk.getCurrentUrl();
            try (OutputStream scanner = Files.newOutputStream(reader.device, StandardOpenOption.WRITE)) {
                scan(scanner, LATE_SLIP);
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("d-code"), LATE_SLIP));
                assertTrue(kiosk.findElement(By.id("dossier-view")).isDisplayed());
                assertEquals(RED, kiosk.findElement(By.id("dossier-status")).getCssValue("color"), "a late dossier is shown in red");
                assertTrue(kiosk.findElement(By.id("late")).isDisplayed());
                assertEquals(page, kiosk.getCurrentUrl(), "still the kiosk page, on its live link");
                Browsers.screenshot(kiosk, "kiosk-dossier-late-1080x1920");

                scan(scanner, IN_PROGRESS_SLIP);
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("d-code"), IN_PROGRESS_SLIP));
                assertTrue(kiosk.findElement(By.id("dossier-status")).getText().contains("Đang giải quyết"));
                assertFalse(RED.equals(kiosk.findElement(By.id("dossier-status")).getCssValue("color")), "on time: not red");
                assertFalse(kiosk.findElement(By.id("late")).isDisplayed());

                scanner.write((CCCD + "\r").getBytes(StandardCharsets.UTF_8));
                scanner.flush();
            }
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-read")));
            assertFalse(kiosk.findElement(By.id("dossier-view")).isDisplayed(), "the card's result replaced the status");
            assertTrue(kiosk.findElement(By.cssSelector("[data-priority=ELDERLY]")).getAttribute("class").contains("on"),
                    "born 1950: priority pre-selected");
        } finally {
            if (kiosk != null) {
                kiosk.quit();
            }
        }
    }

    /** A status shown from a scan goes back to the start screen on a touch, or untouched after [kiosk] status_timeout_seconds. */
    @Test
    void aStatusGoesBackOnATouchOrAfterTheConfiguredTimeout() throws Exception {
        RealParts.require("socat", "apt-get install socat");
        ChromeDriver kiosk = null;
        try (SocatPty reader = new SocatPty(dir);
             ApplianceProcess app = withSerialReader(reader, toml -> toml.replace("status_timeout_seconds = 20", "status_timeout_seconds = 6"))) {
            kiosk = startWithKiosk(app);
            try (OutputStream scanner = Files.newOutputStream(reader.device, StandardOpenOption.WRITE)) {
                scan(scanner, LATE_SLIP);
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier-view")));
                kiosk.findElement(By.id("dossier")).click(); // a touch on the status itself
                Browsers.waiting(kiosk, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("start")));
                assertFalse(kiosk.findElement(By.id("dossier-view")).isDisplayed());

                // another slip (the same one again within the reader's duplicate window would count once)
                scan(scanner, IN_PROGRESS_SLIP);
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("d-code"), IN_PROGRESS_SLIP));
            }
            long shown = System.nanoTime();
            Browsers.waiting(kiosk, 30).until(ExpectedConditions.visibilityOfElementLocated(By.id("start")));
            long seconds = (System.nanoTime() - shown) / 1_000_000_000L;
            assertTrue(seconds >= 4 && seconds <= 12, "back after the 6 s timeout, not before and not at the 30 s idle: " + seconds + " s");
        } finally {
            if (kiosk != null) {
                kiosk.quit();
            }
        }
    }

    /** A resident without a reader types the slip's code with the kiosk's own keys: the same lookup as a scan. */
    @Test
    void aCodeTypedOnTheOnScreenKeyboardShowsItsStatus() throws Exception {
        ChromeDriver kiosk = null;
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml)) {
            app.start();
            String base = app.get("/healthz").uri().resolve("/").toString();
            kiosk = Browsers.open(dir.resolve("chrome-kiosk"), 1080, 1920);
            kiosk.get(base + "kiosk");
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=ho-tich]")));
            kiosk.findElement(By.id("code")).click();
            Browsers.waiting(kiosk, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("typing")));
            assertTrue(kiosk.findElement(By.id("typing")).getText().contains("Nhập mã hồ sơ"));
            String code = "000.00.15.H29-261118-0103";
            for (char c : "000.00.15.H29-261118-0104".toCharArray()) {
                kiosk.findElement(By.cssSelector("[data-key='" + c + "']")).click();
            }
            kiosk.findElement(By.id("key-back")).click(); // a slip of the finger, put right
            kiosk.findElement(By.cssSelector("[data-key='3']")).click();
            assertEquals(code, kiosk.findElement(By.id("typed")).getAttribute("value"));
            Browsers.screenshot(kiosk, "kiosk-keyboard-1080x1920");
            assertEquals(Boolean.TRUE, kiosk.executeScript(KioskPrinterTest.NO_VERTICAL_OVERFLOW),
                    "keys and both buttons on the portrait screen, nothing below the fold");
            assertEquals(Boolean.TRUE, kiosk.executeScript(
                    "var i = document.getElementById('typed'); return i.scrollWidth <= i.clientWidth;"),
                    "a whole 25-character code is seen as typed");
            assertTrue(kiosk.findElement(By.cssSelector("[data-key='A']")).getSize().getHeight() >= 100,
                    "keys large enough for an elderly finger (8 vh of 1920 px)");
            kiosk.findElement(By.id("key-submit")).click();
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("d-code"), code));
            assertTrue(kiosk.findElement(By.id("dossier-status")).getText().contains("Đã có kết quả, mời nhận"));
            assertTrue(kiosk.findElement(By.id("dossier-status")).getText().contains("Ready for pickup"));

            // an ID card number typed by mistake is refused on the kiosk and never looked up
            kiosk.findElement(By.id("d-done")).click();
            kiosk.findElement(By.id("code")).click();
            for (char c : KioskScanTest.ID.toCharArray()) {
                kiosk.findElement(By.cssSelector("[data-key='" + c + "']")).click();
            }
            kiosk.findElement(By.id("key-submit")).click();
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("d-message")));
            assertTrue(kiosk.findElement(By.id("d-message")).getText().contains("không phải mã hồ sơ"));
            assertFalse(kiosk.findElement(By.id("dossier-view")).getText().contains(KioskScanTest.ID), "not echoed");
            assertEquals("", kiosk.findElement(By.id("typed")).getAttribute("value"), "nor left in the keyboard's box");
        } finally {
            if (kiosk != null) {
                kiosk.quit();
            }
        }
    }

    private static void scan(OutputStream scanner, String code) throws java.io.IOException {
        scanner.write((code + "\r").getBytes(StandardCharsets.US_ASCII));
        scanner.flush();
    }

    @Test
    void aScannedTicketShowsWhereItStandsAndYesterdaysIsRefused() throws Exception {
        RealParts.require("socat", "apt-get install socat");
        ChromeDriver kiosk = null;
        try (SocatPty reader = new SocatPty(dir);
             ApplianceProcess app = withSerialReader(reader)) {
            kiosk = startWithKiosk(app);
            Browsers.click(kiosk, By.cssSelector("[data-service=ho-tich]"));
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("t-number"), "A001"));
            kiosk.findElement(By.id("done")).click();
            Browsers.click(kiosk, By.cssSelector("[data-service=ho-tich]"));
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("t-number"), "A002"));
            // what the paper ticket's QR holds (the demo office's template); the reader types it with a CR suffix
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
            String qr = "https://dichvucong.example.gov.vn/hang-doi?don-vi=benthanh&so=A002&ngay=" + today;
            try (OutputStream scanner = Files.newOutputStream(reader.device, StandardOpenOption.WRITE)) {
                scanner.write((qr + "\r").getBytes(StandardCharsets.US_ASCII));
                scanner.flush();
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("s-state")));
                assertEquals("A002", kiosk.findElement(By.id("s-number")).getText());
                assertTrue(kiosk.findElement(By.id("s-state")).getText().contains("Đang chờ đến lượt"));
                assertTrue(kiosk.findElement(By.id("s-state")).getText().contains("Waiting for your turn"));
                assertEquals("1", kiosk.findElement(By.id("s-ahead")).getText(), "A001 is ahead");
                Browsers.screenshot(kiosk, "kiosk-ticket-scanned-1080x1920");

                String yesterday = qr.replace(today, java.time.LocalDate.parse(today).minusDays(1).toString());
                scanner.write((yesterday + "\r").getBytes(StandardCharsets.US_ASCII));
            }
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertTrue(kiosk.findElement(By.id("error")).getText().contains("not from today"));
            assertFalse(kiosk.findElement(By.id("state")).isDisplayed());
        } finally {
            if (kiosk != null) {
                kiosk.quit();
            }
        }
    }

    static final String ID = "079203001234";
    static final String CCCD = ID + "|025123456|Nguyễn Thị Hồng Nhung|15081950|Nữ|123 Đường Lê Lợi, Phường Bến Nghé,"
            + " Quận 1, TP. Hồ Chí Minh|01072021";

    @Test
    void aCardReadAtTheKioskLinksTheTicketTakenNext() throws Exception {
        RealParts.require("socat", "apt-get install socat");
        ChromeDriver kiosk = null;
        Path data;
        try (SocatPty reader = new SocatPty(dir);
             ApplianceProcess app = withSerialReader(reader)) {
            data = app.dataDir();
            kiosk = startWithKiosk(app);
            try (OutputStream scanner = Files.newOutputStream(reader.device, StandardOpenOption.WRITE)) {
                scanner.write((CCCD + "\r").getBytes(StandardCharsets.UTF_8));
            }
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-read")));
            assertTrue(kiosk.findElement(By.id("card-read")).getText().contains("Đã đọc CCCD"));
            assertTrue(kiosk.findElement(By.cssSelector("[data-priority=ELDERLY]")).getAttribute("class").contains("on"),
                    "born 1950: priority pre-selected");
            String page = kiosk.getPageSource();
            assertFalse(page.contains(ID) || page.contains("025123456") || page.contains("Hồng Nhung"), "nothing personal on screen");
            Browsers.screenshot(kiosk, "kiosk-card-read-1080x1920");

            Browsers.click(kiosk, By.cssSelector("[data-service=ho-tich]"));
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("t-number")));
            String first = kiosk.findElement(By.id("t-number")).getText();
            kiosk.findElement(By.id("done")).click();
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=ho-tich]")));
            assertFalse(kiosk.findElement(By.id("card-read")).isDisplayed(), "the card applied to one ticket only");
            Browsers.click(kiosk, By.cssSelector("[data-service=ho-tich]"));
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("t-number"), "A"));
            String second = kiosk.findElement(By.id("t-number")).getText();
            assertFalse(first.equals(second), first + " then " + second);

            app.stop();
            Map<String, String> keys = residentKeys(data);
            String key = new ResidentKeyer(ResidentKeyFile.loadOrCreate(data.resolve("resident.key"))).keyOf(ID);
            assertEquals(key, keys.get(first), "the ticket taken after the card carries the resident key");
            assertNull(keys.get(second), "the next one does not");
        } finally {
            if (kiosk != null) {
                kiosk.quit();
            }
        }
    }

    /** Starts the appliance and its kiosk page in Chromium, ready for a scan (the page's live link open). */
    private ChromeDriver startWithKiosk(ApplianceProcess app) throws Exception {
        app.start();
        String base = app.get("/healthz").uri().resolve("/").toString();
        ChromeDriver kiosk = Browsers.open(dir.resolve("chrome-kiosk"), 1080, 1920);
        kiosk.get(base + "kiosk");
        Browsers.waiting(kiosk, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=ho-tich]")));
        // A scan is pushed only to screens already on the live link, and read only from an open port: wait for both
        // (the snapshot the link starts with names the office; /healthz says the reader is connected).
        Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("office-vi"), "Bến Thành"));
        Await.until(Duration.ofSeconds(60), () -> readerConnected(app), () -> "the reader's port open");
        return kiosk;
    }

    private static boolean readerConnected(ApplianceProcess app) {
        try {
            JsonNode reader = EventJson.mapper().readTree(app.get("/healthz").body()).at("/parts/reader");
            return reader.path("ok").asBoolean() && reader.path("state").asText().startsWith("ok");
        } catch (Exception notYet) {
            return false;
        }
    }

    /** Ticket number to resident key, read from the stopped appliance's H2 files. */
    private static Map<String, String> residentKeys(Path data) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("motcua").toAbsolutePath() + ";FILE_LOCK=FS";
        Map<String, String> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "motcua", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ticket_number, resident_key FROM ticket")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
