package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.tests.harness.ApplianceProcess;

/**
 * Issue 19 item 3, the hall display for residents who do not hear or see well: {@code [voice] repeat = 2} plays each
 * call twice, one after the other and never over the next call; the call flashes on screen, and on a screen set to
 * reduce motion it is marked without flashing (a gold frame) for as long.
 */
class DisplayCallRepeatTest {
    @TempDir
    Path dir;
    private ApplianceProcess app;
    private ChromeDriver display;

    @AfterEach
    void stop() throws Exception {
        if (display != null) {
            display.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    private void start() throws Exception {
        app = new ApplianceProcess(dir, toml -> {
            String edited = toml.replace("repeat    = 1", "repeat    = 2");
            if (edited.equals(toml)) {
                throw new IllegalStateException("the example config has no [voice] repeat line to change");
            }
            return edited;
        });
        VoiceCache.copyInto(app.dataDir());
        app.start();
        display = Browsers.open(dir.resolve("chrome-display"), 1920, 1080);
    }

    @SuppressWarnings("unchecked")
    @Test
    void eachCallIsSpokenTwiceInARowAndFlashes() throws Exception {
        start();
        display.get(app.get("/healthz").uri().resolve("/display").toString());
        Browsers.waiting(display, 60).until(ExpectedConditions.textToBe(By.cssSelector("[data-waiting=ho-tich]"), "0"));
        app.post("/api/counters/1/open", "{\"staff\":\"lan\"}");
        app.post("/api/counters/2/open", "{\"staff\":\"mai\"}");
        app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
        app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
        app.post("/api/counters/1/call-next", null);
        Browsers.waiting(display, 60).until(ExpectedConditions.textToBe(By.id("hero-number"), "A001"));
        assertEquals(Boolean.TRUE, display.executeScript("return document.getElementById('hero').classList.contains('blink')"));
        assertEquals("blink", display.findElement(By.id("hero-number")).getCssValue("animation-name"), "the call flashes");
        app.post("/api/counters/2/call-next", null);
        Browsers.waiting(display, 120).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var s = window.motcuaSpoken; return s.length === 4 && s[3].end !== null;")));
        List<Map<String, Object>> spoken = (List<Map<String, Object>>) display.executeScript("return window.motcuaSpoken");
        String[] expected = {"number=A001&counter=1", "number=A001&counter=1", "number=A002&counter=2", "number=A002&counter=2"};
        for (int i = 0; i < 4; i++) {
            assertTrue(String.valueOf(spoken.get(i).get("src")).endsWith(expected[i]), spoken.toString());
            assertEquals(Boolean.TRUE, spoken.get(i).get("ok"), "played to its end: " + spoken.get(i));
            if (i > 0) {
                assertTrue(((Number) spoken.get(i).get("start")).longValue() >= ((Number) spoken.get(i - 1).get("end")).longValue(),
                        "never over the previous one: " + spoken);
            }
        }
    }

    @Test
    void onAScreenSetToReduceMotionTheCallIsFramedNotFlashed() throws Exception {
        start();
        display.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        display.get(app.get("/healthz").uri().resolve("/display").toString());
        Browsers.waiting(display, 60).until(ExpectedConditions.textToBe(By.cssSelector("[data-waiting=ho-tich]"), "0"));
        app.post("/api/counters/1/open", "{\"staff\":\"lan\"}");
        app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
        app.post("/api/counters/1/call-next", null);
        Browsers.waiting(display, 60).until(ExpectedConditions.textToBe(By.id("hero-number"), "A001"));
        assertEquals("none", display.findElement(By.id("hero-number")).getCssValue("animation-name"), "no flashing");
        assertEquals("none", display.findElement(By.cssSelector("#recent li.fresh")).getCssValue("animation-name"));
        String frame = display.findElement(By.id("hero")).getCssValue("box-shadow");
        assertTrue(frame.contains("rgb(255, 204, 0)") && frame.contains("inset"), "the call framed in gold: " + frame);
        Browsers.screenshot(display, "display-reduced-motion-1920x1080");
    }
}
