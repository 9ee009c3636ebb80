package vn.motcua.tests.browser;

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
import vn.motcua.appliance.service.Health;

/**
 * The kiosk when the printer reports a fault (as its device adapter does through {@link Health} under "printer"):
 * it warns on the start screen and still gives the ticket on screen, number and QR code. The appliance runs
 * in-process here so the test can play the printer's part.
 */
class KioskPrinterTest {
    @TempDir
    Path dir;

    @Test
    void anOutOfPaperPrinterIsSaidAndTheTicketIsStillGivenOnScreen() throws Exception {
        String toml = Files.readString(Path.of("../appliance/src/main/dist/demo.conf"))
                .replace("data_dir       = \"./data\"", "data_dir = \"" + dir.resolve("data") + "\"")
                .replace("port           = 8080", "port = 0");
        try (Appliance app = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
            app.start();
            app.health().register("printer", () -> Health.Status.fault("out_of_paper", "paper end sensor"));
            ChromeDriver kiosk = Browsers.open(dir.resolve("chrome"), 1080, 1920);
            try {
                kiosk.get("http://127.0.0.1:" + app.webPort() + "/kiosk");
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("printer-warning")));
                kiosk.findElement(By.cssSelector("[data-service=chung-thuc]")).click();
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("t-number"), "F001"));
                Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("t-printer")));
                assertTrue(kiosk.findElement(By.id("t-printer")).getText().contains("Máy in hết giấy"));
                assertTrue(!kiosk.findElement(By.id("t-printed")).isDisplayed());
                Browsers.waiting(kiosk, 60).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                        "var i = document.getElementById('t-qr'); return i.complete && i.naturalWidth > 0;")));
                Browsers.screenshot(kiosk, "kiosk-printer-out-1080x1920");
            } finally {
                kiosk.quit();
            }
        }
    }
}
