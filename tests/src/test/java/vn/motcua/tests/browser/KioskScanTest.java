package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.bus.pty.RealParts;
import vn.motcua.bus.pty.SocatPty;
import vn.motcua.tests.harness.ApplianceProcess;

/**
 * A resident holds an appointment slip under the code reader beside the kiosk: the reader (USB-serial mode,
 * here one end of a socat pty pair with the appliance's real jSerialComm adapter on the other) sends the code,
 * and the kiosk screen in Chromium turns to that dossier's status, late in red.
 */
class KioskScanTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aScannedSlipOpensItsDossierStatusOnTheKiosk() throws Exception {
        RealParts.require("socat", "apt-get install socat");
        ChromeDriver kiosk = null;
        try (SocatPty reader = new SocatPty(dir);
             ApplianceProcess app = new ApplianceProcess(dir, toml -> toml
                     + "\n[devices.reader]\nmode = \"serial\"\nport = \"" + reader.host + "\"\nbaud = 9600\n")) {
            app.start();
            String base = app.get("/healthz").uri().resolve("/").toString();
            kiosk = Browsers.open(dir.resolve("chrome-kiosk"), 1080, 1920);
            kiosk.get(base + "kiosk");
            Browsers.waiting(kiosk, 15).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=ho-tich]")));
            Thread.sleep(1000); // the kiosk's live link is open
            try (OutputStream scanner = Files.newOutputStream(reader.device, StandardOpenOption.WRITE)) {
                scanner.write("000.00.15.H29-261110-0102\r".getBytes(StandardCharsets.US_ASCII));
            }
            Browsers.waiting(kiosk, 20).until(ExpectedConditions.urlContains("/status?code=000.00.15.H29-261110-0102"));
            assertEquals("rgba(200, 16, 46, 1)", kiosk.findElement(By.id("dossier-status")).getCssValue("color"),
                    "a late dossier is shown in red");
        } finally {
            if (kiosk != null) {
                kiosk.quit();
            }
        }
    }
}
