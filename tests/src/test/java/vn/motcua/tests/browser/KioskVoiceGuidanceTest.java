package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.appliance.web.voice.KioskGuidance;
import vn.motcua.appliance.web.voice.VoiceClips;
import vn.motcua.tests.harness.ApplianceProcess;

/**
 * Issue 19 item 3, the kiosk that speaks: the "Hướng dẫn bằng giọng nói / Voice guidance" button plays the guidance of
 * the screen shown (fetched from {@code /voice/guide}, the very bytes the appliance joins from its espeak-ng clips,
 * played to its end), stops when pressed again, and says on the button, without hanging, that the voice is not made
 * yet; a ticket taken with a service button alone ({@code /sim/buttons/...}) is shown on the kiosk and, with
 * {@code [voice] guidance_on_buttons}, spoken: its number and where the paper is, or, with the printer out of paper,
 * that it is on the screen to photograph.
 */
class KioskVoiceGuidanceTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private ApplianceProcess app;
    private ChromeDriver kiosk;
    private URI base;

    @AfterEach
    void stop() throws Exception {
        if (kiosk != null) {
            kiosk.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    private void start(boolean guidanceOnButtons, boolean clips) throws Exception {
        app = new ApplianceProcess(dir, toml -> {
            String edited = toml.replace("guidance_on_buttons = true", "guidance_on_buttons = " + guidanceOnButtons);
            if (!edited.contains("guidance_on_buttons = " + guidanceOnButtons)) {
                throw new IllegalStateException("the demo config has no [voice] guidance_on_buttons line");
            }
            return edited;
        });
        if (clips) {
            VoiceCache.copyInto(app.dataDir());
        } else { // where the clips go is a file: none can ever be made, as on a first start before they are
            Files.createDirectories(app.dataDir().resolve("voice"));
            Files.writeString(app.dataDir().resolve("voice/generated"), "");
        }
        app.start();
        base = app.get("/healthz").uri().resolve("/");
        kiosk = Browsers.open(dir.resolve("chrome-kiosk"), 1080, 1920);
        kiosk.get(base + "kiosk");
        Browsers.waiting(kiosk, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=ho-tich]")));
    }

    @Test
    void theButtonSpeaksTheScreenShownStopsWhenPressedAgainAndThenSpeaksTheTicket() throws Exception {
        start(true, true);
        assertEquals("false", kiosk.findElement(By.id("voice-guide")).getAttribute("aria-pressed"));
        assertTrue(kiosk.findElement(By.id("voice-guide")).getText().contains("Hướng dẫn bằng giọng nói"));
        Browsers.screenshot(kiosk, "kiosk-voice-guidance-1080x1920");
        assertEquals(Boolean.TRUE, kiosk.executeScript(KioskPrinterTest.NO_VERTICAL_OVERFLOW), "the start screen still fits: "
                + kiosk.executeScript("return document.documentElement.scrollHeight + ' > ' + window.innerHeight"));

        // The start screen's guidance: fetched, the appliance's own joining of the start script, playing; pressed again, stopped.
        kiosk.findElement(By.id("voice-guide")).click();
        Map<String, Object> started = awaitGuided(0, "played");
        assertEquals("/voice/guide?state=start", started.get("src"));
        assertEquals(200L, started.get("status"));
        assertEquals((long) served("/voice/guide?state=start").length, started.get("bytes"), "the browser got the whole guidance");
        assertEquals("true", kiosk.findElement(By.id("voice-guide")).getAttribute("aria-pressed"));
        assertTrue(kiosk.findElement(By.id("voice-guide")).getText().contains("bấm để dừng"), "the button says how to stop it");
        kiosk.findElement(By.id("voice-guide")).click();
        Browsers.waiting(kiosk, 10).until(ExpectedConditions.attributeToBe(By.id("voice-guide"), "aria-pressed", "false"));
        assertEquals(Boolean.FALSE, guided(0).get("ok"), "stopped before its end");

        // A ticket taken on screen: its guidance reads the number and is played to its end.
        Browsers.click(kiosk, By.cssSelector("[data-service=ho-tich]"));
        Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("t-number"), "A001"));
        Browsers.waiting(kiosk, 60).until(d -> !d.findElement(By.id("t-print")).getAttribute("class").equals("pending"));
        kiosk.findElement(By.id("voice-guide")).click();
        Map<String, Object> ticket = awaitGuided(1, "end");
        assertEquals("/voice/guide?state=ticket&number=A001", ticket.get("src"));
        assertEquals(Boolean.TRUE, ticket.get("ok"), "played to its end: " + ticket);
        byte[] wav = served("/voice/guide?state=ticket&number=A001");
        assertEquals((long) wav.length, ticket.get("bytes"));
        assertEquals(wav.length, joined(KioskGuidance.TICKET.clips("A001", true)).length,
                "the number read from the call's clips between the ticket's sentences, Vietnamese then English");
        assertTrue(java.util.Arrays.equals(wav, joined(KioskGuidance.TICKET.clips("A001", true))));
        Browsers.waiting(kiosk, 10).until(ExpectedConditions.attributeToBe(By.id("voice-guide"), "aria-pressed", "false"));

        // The keyboard, then a dossier's status (a view any touch leaves, but for this button): each its own guidance.
        kiosk.findElement(By.id("done")).click();
        Browsers.click(kiosk, By.id("code"));
        Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("keys")));
        kiosk.findElement(By.id("voice-guide")).click();
        assertEquals("/voice/guide?state=typing", awaitGuided(2, "played").get("src"));
        for (char c : "000.00.15.H29-261115-0101".toCharArray()) {
            kiosk.findElement(By.cssSelector("[data-key='" + c + "']")).click();
        }
        kiosk.findElement(By.id("key-submit")).click();
        Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("d-code"), "000.00.15.H29-261115-0101"));
        assertEquals(Boolean.FALSE, guided(2).get("ok"), "the keyboard's guidance stopped when the view changed");
        assertTrue(guided(2).get("end") != null);
        kiosk.findElement(By.id("voice-guide")).click();
        assertEquals("/voice/guide?state=dossier", awaitGuided(3, "played").get("src"));
        assertTrue(kiosk.findElement(By.id("dossier-view")).isDisplayed(), "pressing the button did not leave the dossier");
    }

    @Test
    void aTicketFromAServiceButtonAloneIsShownAndSpokenAndWithThePrinterOutSaysToPhotographIt() throws Exception {
        start(true, true);
        assertEquals(202, app.post("/sim/buttons/ho-tich/press", null).statusCode());
        Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("t-number"), "A001"));
        Map<String, Object> spoken = awaitGuided(0, "end");
        assertEquals("/voice/guide?state=ticket&number=A001", spoken.get("src"), "spoken once the printer said it printed");
        assertEquals(Boolean.TRUE, spoken.get("ok"), "played to its end: " + spoken);
        assertEquals((long) served("/voice/guide?state=ticket&number=A001").length, spoken.get("bytes"));

        assertEquals(200, app.post("/sim/printer/paper?out=true", null).statusCode());
        assertEquals(202, app.post("/sim/buttons/ho-tich/press", null).statusCode());
        Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("t-number"), "A002"));
        Map<String, Object> onScreen = awaitGuided(1, "played");
        assertEquals("/voice/guide?state=ticket-on-screen&number=A002", onScreen.get("src"), "no paper: photograph the screen");
        assertTrue(kiosk.findElement(By.id("t-print")).getAttribute("class").contains("warning"));
    }

    @Test
    void withoutGuidanceOnButtonsTheButtonTicketIsShownNotSpokenAndMissingClipsAreSaidOnTheButton() throws Exception {
        start(false, false);
        assertEquals(202, app.post("/sim/buttons/ho-tich/press", null).statusCode());
        Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("t-number"), "A001"));
        Browsers.waiting(kiosk, 60).until(d -> !d.findElement(By.id("t-print")).getAttribute("class").equals("pending"));
        Thread.sleep(1000); // the print answer is on screen: a guidance on the button ticket would have been asked by now
        assertEquals(0L, kiosk.executeScript("return window.motcuaGuided.length"), "the office did not ask for it");

        kiosk.findElement(By.id("voice-guide")).click();
        Browsers.waiting(kiosk, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("voice-guide"), "Chưa có giọng nói"));
        assertEquals(503L, guided(0).get("status"), "not made: said, not waited for");
        assertEquals("false", kiosk.findElement(By.id("voice-guide")).getAttribute("aria-pressed"));
        assertTrue(kiosk.findElement(By.id("voice-status")).getAttribute("textContent").contains("Voice not ready yet"));
        Browsers.waiting(kiosk, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("voice-guide"), "Voice guidance"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> guided(int i) {
        return ((List<Map<String, Object>>) kiosk.executeScript("return window.motcuaGuided")).get(i);
    }

    /** Waits until the {@code i}th guidance asked has {@code field} set (played: began to sound; end: ended). */
    private Map<String, Object> awaitGuided(int i, String field) {
        Browsers.waiting(kiosk, 120).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var g = window.motcuaGuided[arguments[0]]; return !!g && g[arguments[1]] !== null;", i, field)));
        return guided(i);
    }

    private byte[] served(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    /** The clips the appliance made, joined here: what the guidance must be, sample for sample. */
    private byte[] joined(List<String> clips) throws Exception {
        return new VoiceClips(app.dataDir().resolve("voice"), "/nonexistent/espeak-ng").assemble(clips);
    }
}
