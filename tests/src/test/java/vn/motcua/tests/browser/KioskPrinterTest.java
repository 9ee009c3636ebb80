package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;
import vn.motcua.bus.Await;

/**
 * The kiosk and the (simulated) ticket printer: a ticket that printed is announced as such; out of paper, the kiosk
 * warns on the start screen, still gives the ticket on screen (number and QR code) and says no paper came out,
 * never "take your ticket below", all on the portrait screen without scrolling. The appliance runs in-process so the
 * test can take the paper out.
 */
class KioskPrinterTest {
    /** A touch screen has no scroll wheel, and a scrollbar says something is hidden below. */
    static final String NO_VERTICAL_OVERFLOW = "return document.documentElement.scrollHeight <= window.innerHeight;";

    @TempDir
    Path dir;

    @Test
    void anOutOfPaperPrinterIsSaidAndTheTicketIsStillGivenOnScreen() throws Exception {
        String toml = Files.readString(Path.of("../appliance/src/main/dist/demo.conf"))
                .replace("data_dir       = \"./data\"", "data_dir = \"" + dir.resolve("data") + "\"")
                .replace("port           = 8080", "port = 0")
                .replace("status_poll_s = 2", "status_poll_s = 1");
        try (Appliance app = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
            app.start();
            SimulatedPrinter printer = app.devices().printer().orElseThrow().simulator().orElseThrow();
            ChromeDriver kiosk = Browsers.open(dir.resolve("chrome"), 1080, 1920);
            try {
                kiosk.get("http://127.0.0.1:" + app.webPort() + "/kiosk");
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=chung-thuc]")));
                Browsers.click(kiosk, By.cssSelector("[data-service=chung-thuc]"));
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("t-print"),
                        "Vui lòng nhận phiếu bên dưới."));
                assertTrue(kiosk.findElement(By.id("t-print")).getText().contains("Please take your ticket below."));
                assertEquals(Boolean.TRUE, kiosk.executeScript(NO_VERTICAL_OVERFLOW), "the printed ticket's view fits the screen");
                kiosk.findElement(By.id("done")).click();

                printer.setPaperEnd(true);
                Await.until(Duration.ofSeconds(20), () -> !app.health().snapshot().get("printer").ok(), () -> "the paper end seen");
                kiosk.navigate().refresh();
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("printer-warning")));
                Browsers.click(kiosk, By.cssSelector("[data-service=chung-thuc]"));
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("t-number"), "F002"));
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("t-print"),
                        "Máy in hết giấy: phiếu chưa được in."));
                String said = kiosk.findElement(By.id("t-print")).getText();
                assertTrue(said.contains("The printer is out of paper: no ticket was printed."), said);
                assertFalse(said.contains("bên dưới") || said.contains("below"), said);
                assertEquals(1, printer.tickets().size(), "only the first ticket came out");
                Browsers.waiting(kiosk, 60).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                        "var i = document.getElementById('t-qr'); return i.complete && i.naturalWidth > 0;")));
                Object doneBottom = kiosk.executeScript(
                        "return document.getElementById('done').getBoundingClientRect().bottom <= window.innerHeight;");
                assertEquals(Boolean.TRUE, doneBottom, "the Done button is on screen with the warning and the QR");
                assertEquals(Boolean.TRUE, kiosk.executeScript(NO_VERTICAL_OVERFLOW),
                        "the ticket view with the warning fits the portrait screen: no scrollbar, nothing below the fold");
                Browsers.screenshot(kiosk, "kiosk-printer-out-1080x1920");
            } finally {
                kiosk.quit();
            }
        }
    }

    /**
     * Issue 15, item 11: a priority ticket on screen carries the priority as the paper prints it, in the ticket template's
     * own words (mark and kind), and the view still fits the portrait screen.
     */
    @Test
    void aPriorityTicketOnScreenNamesThePriorityInThePapersWords() throws Exception {
        String toml = Files.readString(Path.of("../appliance/src/main/dist/demo.conf"))
                .replace("data_dir       = \"./data\"", "data_dir = \"" + dir.resolve("data") + "\"")
                .replace("port           = 8080", "port = 0");
        try (Appliance app = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
            app.start();
            var paper = app.tickets().ticketTemplate();
            ChromeDriver kiosk = Browsers.open(dir.resolve("chrome"), 1080, 1920);
            try {
                kiosk.get("http://127.0.0.1:" + app.webPort() + "/kiosk");
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-priority=PREGNANT]")));
                Browsers.click(kiosk, By.cssSelector("[data-priority=PREGNANT]"));
                Browsers.click(kiosk, By.cssSelector("[data-service=chung-thuc]"));
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("t-priority")));
                assertEquals("ƯU TIÊN / PRIORITY", paper.labelPriority(), "the bundled template's mark");
                assertEquals(paper.labelPriority(), kiosk.findElement(By.id("t-priority-mark")).getText());
                assertEquals(paper.priorityKind("PREGNANT"), kiosk.findElement(By.id("t-priority-kind")).getText());
                assertEquals("Phụ nữ mang thai / Pregnant woman", kiosk.findElement(By.id("t-priority-kind")).getText());
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("t-print"),
                        "Vui lòng nhận phiếu bên dưới."));
                assertEquals(Boolean.TRUE, kiosk.executeScript(NO_VERTICAL_OVERFLOW), "the priority ticket's view fits the screen");
                Browsers.screenshot(kiosk, "kiosk-priority-ticket-1080x1920");

                kiosk.findElement(By.id("done")).click();
                Browsers.click(kiosk, By.cssSelector("[data-service=chung-thuc]"));
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("t-number"), "F002"));
                assertFalse(kiosk.findElement(By.id("t-priority")).isDisplayed(), "a normal ticket has no mark");
            } finally {
                kiosk.quit();
            }
        }
    }
}
