package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;
import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;

/**
 * Staff are told when a device needs a person: the demo's simulated printer runs out of paper (its real ESC/POS
 * status path: paper-end sensor, status poll, health), and the logged-in counter page shows it in both languages
 * without a reload, then drops it when the roll is changed; the manager page shows a fault that is already there
 * when it opens. The appliance runs in-process so the test can play the printer's part.
 */
class StaffDeviceFaultTest {
    static final By PRINTER_FAULT = By.cssSelector("#device-faults [data-device=printer]");

    @TempDir
    Path dir;

    @Test
    void aPaperEndAppearsOnTheCounterPageAndClearsWhenPaperIsBack() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        String toml = Files.readString(Path.of("../appliance/src/main/dist/demo.conf"))
                .replace("data_dir       = \"./data\"", "data_dir = \"" + data + "\"")
                .replace("port           = 8080", "port = 0")
                .replace("status_poll_s = 2", "status_poll_s = 1");
        Files.writeString(data.resolve("staff.accounts"),
                StaffAccounts.line("chi", "*", PasswordHash.hash("mat-khau-2".toCharArray())) + "\n");
        try (Appliance app = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
            app.start();
            SimulatedPrinter printer = app.devices().printer().orElseThrow().simulator().orElseThrow();
            ChromeDriver page = Browsers.open(dir.resolve("chrome"), 1280, 800);
            try {
                String base = "http://127.0.0.1:" + app.webPort();
                page.get(base + "/counter");
                Browsers.logIn(page, "chi", "mat-khau-2", "desk");
                assertTrue(page.findElements(PRINTER_FAULT).isEmpty(), "no fault while the printer has paper");

                printer.setPaperEnd(true);
                Browsers.waiting(page, 60).until(ExpectedConditions.visibilityOfElementLocated(PRINTER_FAULT));
                String said = page.findElement(PRINTER_FAULT).getText();
                assertTrue(said.contains("Máy in vé hết giấy") && said.contains("Ticket printer out of paper"), said);
                Browsers.screenshot(page, "counter-printer-fault-1280x800");
                assertEquals(Boolean.TRUE, page.executeScript("return document.documentElement.scrollHeight <= window.innerHeight"),
                        "the whole desk, fault included, fits 1280x800 without scrolling");

                printer.setPaperEnd(false);
                Browsers.waiting(page, 60).until(ExpectedConditions.numberOfElementsToBe(PRINTER_FAULT, 0));

                printer.setPaperEnd(true); // the manager opens the page while the fault holds: it is there at once
                Browsers.waiting(page, 60).until(ExpectedConditions.visibilityOfElementLocated(PRINTER_FAULT));
                page.get(base + "/manager");
                Browsers.waiting(page, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
                Browsers.waiting(page, 60).until(ExpectedConditions.visibilityOfElementLocated(PRINTER_FAULT));
                assertTrue(page.findElement(PRINTER_FAULT).getText().contains("load a new roll"));
                printer.setPaperEnd(false);
                Browsers.waiting(page, 60).until(ExpectedConditions.numberOfElementsToBe(PRINTER_FAULT, 0));
            } finally {
                page.quit();
            }
        }
    }
}
