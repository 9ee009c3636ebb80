package vn.motcua.tests.browser;

import vn.motcua.tests.harness.StaffFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/** The screens in real Chromium against the appliance as a real process. */
class ScreensBrowserTest {
    /** Only stops a hung test. */
    private static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(60);
    @TempDir
    Path dir;
    private ApplianceProcess app;
    private ChromeDriver display;
    private ChromeDriver other;
    private String base;

    @BeforeEach
    void start() throws Exception {
        app = new ApplianceProcess(dir, toml -> toml);
        StaffFile.write(app.dataDir(), StaffFile.LAN, StaffFile.CHI);
        VoiceCache.copyInto(app.dataDir());
        app.start();
        base = app.get("/healthz").uri().resolve("/").toString();
        display = Browsers.open(dir.resolve("chrome-display"), 1920, 1080);
    }

    @AfterEach
    void stop() throws Exception {
        for (ChromeDriver d : new ChromeDriver[] {display, other}) {
            if (d != null) {
                d.quit();
            }
        }
        app.close();
    }

    private String text(ChromeDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }

    private void waitText(ChromeDriver d, String css, String expected) {
        Browsers.waiting(d, 60).until(ExpectedConditions.textToBe(By.cssSelector(css), expected));
    }

    @Test
    void aKioskTicketAndAStaffCallAppearOnTheDisplay() throws Exception {
        display.get(base + "display");
        waitText(display, "[data-waiting=ho-tich]", "0");
        other = Browsers.open(dir.resolve("chrome-kiosk"), 1080, 1920);
        other.get(base + "kiosk");
        Browsers.waiting(other, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=ho-tich]")));
        Browsers.click(other, By.cssSelector("[data-priority=ELDERLY]"));
        Browsers.waiting(other, 60).until(ExpectedConditions.attributeContains(By.cssSelector("[data-priority=ELDERLY]"), "class", "on"));
        Browsers.waiting(other, 60).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return document.fonts.status === 'loaded'")));
        assertEquals(Boolean.TRUE, other.executeScript("return document.documentElement.scrollHeight <= window.innerHeight"),
                "priority, services and the dossier look-up on one portrait screen, no scrolling");
        Browsers.screenshot(other, "kiosk-start-1080x1920");
        Browsers.click(other, By.cssSelector("[data-service=ho-tich]"));
        waitText(other, "#t-number", "A001");
        Browsers.waiting(other, 60).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var i = document.getElementById('t-qr'); return i.complete && i.naturalWidth > 0;")));
        Browsers.waiting(other, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("t-print"), "Vui lòng nhận phiếu"));
        Browsers.screenshot(other, "kiosk-1080x1920");
        waitText(display, "[data-waiting=ho-tich]", "1");
        other.quit();

        other = Browsers.open(dir.resolve("chrome-counter"), 1280, 800);
        other.get(base + "counter");
        Browsers.logIn(other, "lan", "mat-khau-1", "desk");
        waitText(other, "#served", "0");
        assertEquals("—", text(other, "#avg"), "nobody served yet: no average service time, not \"1 phút\"");
        new Select(other.findElement(By.id("counter"))).selectByVisibleText("1");
        Browsers.click(other, By.cssSelector("[data-action=open]"));
        Await.until(LIMIT, () -> app.counterOpen(1), () -> "counter 1 opened from the counter page");
        Browsers.click(other, By.cssSelector("[data-action=call-next]"));
        waitText(display, "#hero-number", "A001");
        waitText(display, "#recent li[data-number=A001] span", "A001");
        waitText(display, "[data-counter='1'] b", "A001");
        waitText(display, "[data-waiting=ho-tich]", "0");
        waitText(other, "#current", "A001");
        // The published pictures show the calm state, not a frame of the 6 s blink (which may be at 15 % opacity).
        Browsers.waiting(display, 60).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return !document.getElementById('hero').classList.contains('blink') && !document.querySelector('#recent li.fresh')")));
        Browsers.screenshot(display, "display-1920x1080");
        Browsers.screenshot(other, "counter-1280x800");
        Browsers.viewport(display, 1280, 720);
        Browsers.screenshot(display, "display-1280x720");
        assertTrue(((Number) display.executeScript("return window.motcuaLatencies.length")).intValue() >= 1);
        Browsers.click(other, By.cssSelector("[data-action=finish]")); // done: A001 counts as served by lan
        waitText(other, "#served", "1");
        assertEquals("< 1 phút / < 1 min", text(other, "#avg"), "served in seconds: under a minute, not rounded up to 1");
        other.quit();

        // The manager's view of the same day, on its own browser (the clerk's session is not a manager's).
        other = Browsers.open(dir.resolve("chrome-manager"), 1280, 800);
        other.get(base + "manager");
        Browsers.logIn(other, "chi", "quan-ly-9", "board");
        Browsers.waiting(other, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff"), "lan"));
        assertTrue(text(other, "#services").contains("Hộ tịch (0 chờ)"), text(other, "#services"));
        // the counters now, from the live feed: counter 1 open, lan at it, nobody being served after the finish
        Browsers.waiting(other, 60).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#counters tr[data-counter='1']"), "lan"));
        String counterOne = text(other, "#counters tr[data-counter='1']");
        assertTrue(counterOne.contains("Đang mở / Open") && counterOne.contains("—"), counterOne);
        assertTrue(text(other, "#counters tr[data-counter='2']").contains("Đóng / Closed"), text(other, "#counters"));
        Browsers.screenshot(other, "manager-1280x800");
    }

    @Test
    void aCallFromACounterKeypadAppearsOnTheDisplayAndItsBoard() throws Exception {
        display.get(base + "display");
        waitText(display, "[data-waiting=dat-dai]", "0");
        app.post("/api/tickets", "{\"service\":\"dat-dai\"}");
        waitText(display, "[data-waiting=dat-dai]", "1");
        // the clerk of counter 3 presses keys on the (simulated) keypad: the same bus bytes as a real board
        app.post("/sim/counters/3/press/PAUSE", null); // a closed counter opens with the pause key
        Await.until(LIMIT, () -> app.counterOpen(3), () -> "counter 3 opened from its keypad");
        app.post("/sim/counters/3/press/CALL_NEXT", null);
        waitText(display, "#hero-number", "B001");
        waitText(display, "[data-counter='3'] b", "B001");
        waitText(display, "[data-waiting=dat-dai]", "0");
        assertTrue(app.get("/sim/counters/3/board").body().contains("\"text\":\"B001\""), "the LED board shows it too");
    }

    @Test
    void callsArrivingTogetherAreSpokenOneAfterAnotherAndEachHeldOnScreen() throws Exception {
        // The clips are in place from VoiceCache before the start.
        display.get(base + "display");
        waitText(display, "[data-waiting=ho-tich]", "0");
        for (int c = 1; c <= 3; c++) {
            app.post("/api/counters/" + c + "/open", "{\"staff\":\"s" + c + "\"}");
            app.post("/api/tickets", "{\"service\":\"" + (c == 3 ? "dat-dai" : "ho-tich") + "\"}");
        }
        app.post("/api/counters/1/call-next", null);
        app.post("/api/counters/2/call-next", null);
        app.post("/api/counters/3/call-next", null);
        Browsers.waiting(display, 90).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var s = window.motcuaSpoken; return s.length === 3 && s[2].end !== null;")));
        @SuppressWarnings("unchecked")
        java.util.List<java.util.Map<String, Object>> spoken = (java.util.List<java.util.Map<String, Object>>)
                display.executeScript("return window.motcuaSpoken");
        String[] expected = {"number=A001&counter=1", "number=A002&counter=2", "number=B001&counter=3"};
        for (int i = 0; i < 3; i++) {
            assertTrue(String.valueOf(spoken.get(i).get("src")).endsWith(expected[i]), spoken.toString());
            assertEquals(Boolean.TRUE, spoken.get(i).get("ok"), "played to its end: " + spoken.get(i));
            long len = ((Number) spoken.get(i).get("end")).longValue() - ((Number) spoken.get(i).get("start")).longValue();
            assertTrue(len > 3000, "a whole call lasts seconds, was " + len + " ms");
            if (i > 0) {
                assertTrue(((Number) spoken.get(i).get("start")).longValue() >= ((Number) spoken.get(i - 1).get("end")).longValue(),
                        "never over the previous one: " + spoken);
            }
        }
        @SuppressWarnings("unchecked")
        java.util.List<java.util.Map<String, Object>> hero = (java.util.List<java.util.Map<String, Object>>)
                display.executeScript("return window.motcuaHero");
        assertEquals(java.util.List.of("A001", "A002", "B001"), hero.stream().map(h -> h.get("number")).toList());
        for (int i = 1; i < hero.size(); i++) {
            long held = ((Number) hero.get(i).get("at")).longValue() - ((Number) hero.get(i - 1).get("at")).longValue();
            assertTrue(held >= 4900, "each call stays on the big panel about 5 s, was " + held + " ms");
        }
    }

    private long nodesAfterCalls(int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
            app.post("/api/counters/1/call-next", null);
        }
        Browsers.waiting(display, 60).until(d -> ((Number) ((ChromeDriver) d)
                .executeScript("return window.motcuaLatencies.length")).intValue() >= to);
        return ((Number) display.executeScript("return document.getElementsByTagName('*').length")).longValue();
    }

    @Test
    void aBusyDayOfCallsLeavesTheDisplayPageNoBiggerThanAFewCalls() throws Exception {
        display.get(base + "display");
        waitText(display, "[data-waiting=ho-tich]", "0");
        app.post("/api/counters/1/open", "{\"staff\":\"lan\"}");
        long afterTen = nodesAfterCalls(1, 10);
        long afterHundred = nodesAfterCalls(11, 100);
        assertEquals(afterTen, afterHundred, "the page keeps a fixed number of elements (last 8 calls, one per counter)");
        assertEquals(8L, display.executeScript("return document.querySelectorAll('#recent li').length"));
        assertTrue(((Number) display.executeScript("return window.motcuaHero.length + window.motcuaSpoken.length"))
                .intValue() <= 200, "the page's own records are rings");
    }

    @Test
    void theDisplaySurvivesAnApplianceRestartAndResynchronises() throws Exception {
        display.get(base + "display");
        waitText(display, "[data-waiting=ho-tich]", "0");
        String firstSync = display.findElement(By.tagName("body")).getDomAttribute("data-synced");
        app.kill();
        Browsers.waiting(display, 60).until(d -> ((ChromeDriver) d).findElement(By.tagName("body"))
                .getDomAttribute("class") != null && text(display, ".offline").contains("Mất kết nối"));
        app.start();
        app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
        app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
        waitText(display, "[data-waiting=ho-tich]", "2");
        assertTrue(!firstSync.equals(display.findElement(By.tagName("body")).getDomAttribute("data-synced")),
                "a new snapshot was applied");
        assertEquals("", text(display, ".offline"), "the offline banner is hidden again");
    }

    @Test
    void aBadLoginIsRefusedAndTheAccountLockedAfterFiveTries() throws Exception {
        display.get(base + "counter");
        for (int i = 1; i <= 6; i++) {
            display.findElement(By.id("user")).clear();
            display.findElement(By.id("user")).sendKeys("lan");
            display.findElement(By.id("password")).sendKeys("sai-mat-khau");
            display.findElement(By.id("login-button")).click();
            String expected = i <= 5 ? "Sai tên hoặc mật khẩu" : "Tạm khóa";
            Browsers.waiting(display, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), expected));
            if (i <= 5) {
                ((ChromeDriver) display).executeScript("document.getElementById('error').textContent = ''");
            }
        }
        assertTrue(display.findElement(By.id("desk")).getDomAttribute("hidden") != null, "never logged in");
    }

    @Test
    void theStatusPageShowsALateDossierInRed() throws Exception {
        Browsers.viewport(display, 1080, 1920);
        display.get(base + "status?code=000.00.15.H29-261110-0102");
        assertEquals("rgba(200, 16, 46, 1)", display.findElement(By.id("dossier-status")).getCssValue("color"));
        assertTrue(text(display, "#late").startsWith("Trễ hẹn"));
        Browsers.screenshot(display, "status-late-1080x1920");
        display.get(base + "status?code=000.00.15.H29-261115-0101");
        assertTrue(!"rgba(200, 16, 46, 1)".equals(display.findElement(By.id("dossier-status")).getCssValue("color")));
    }
}
