package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * A clerk's counter PC: Chromium on the LAN listener (HTTPS on 127.0.0.2, the keystore made by the provisioning
 * commands, the certificate accepted as the office's own). Login, the Secure cookie kept across a reload, a call
 * with the queue pushed live, the manager view after a manager login, and the kiosk out of reach.
 */
class LanBrowserTest {
    private static final Path MAKE_KEYSTORE = Path.of("../appliance/src/test/resources/web-tls/make-keystore.sh");
    @TempDir
    Path dir;
    private ApplianceProcess app;
    private ChromeDriver counter;

    @AfterEach
    void stop() throws Exception {
        if (counter != null) {
            counter.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aClerkLogsInOverHttpsStaysLoggedInAfterAReloadAndCalls() throws Exception {
        Process openssl = new ProcessBuilder("sh", MAKE_KEYSTORE.toString(), dir.toString(), "127.0.0.2").inheritIO().start();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "keystore made");
        int lanPort = ApplianceProcess.freePort();
        app = new ApplianceProcess(dir, toml -> toml
                .replace("enabled  = false\nbind     = \"0.0.0.0\"\nport     = 8443",
                        "enabled  = true\nbind     = \"127.0.0.2\"\nport     = " + lanPort)
                .replace("/etc/motcua/web-tls.p12", dir.resolve("web-tls.p12").toString())
                .replace("/etc/motcua/web-tls.secret", dir.resolve("web-tls.secret").toString()));
        Files.createDirectories(app.dataDir());
        Files.writeString(app.dataDir().resolve("staff.accounts"),
                StaffAccounts.line("lan", "1,2", PasswordHash.hash("mat-khau-1".toCharArray())) + "\n"
                + StaffAccounts.line("chi", "*", PasswordHash.hash("quan-ly-9".toCharArray())) + "\n");
        app.start();
        app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
        String lan = "https://127.0.0.2:" + lanPort + "/";

        counter = Browsers.open(dir.resolve("chrome-counter-pc"), 1280, 800, true);
        counter.get(lan + "counter");
        Browsers.logIn(counter, "lan", "mat-khau-1", "desk");
        counter.navigate().refresh();
        Browsers.waiting(counter, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("desk")));
        assertEquals("· lan", counter.findElement(By.id("who")).getText(), "the Secure cookie survived the reload");

        new Select(counter.findElement(By.id("counter"))).selectByVisibleText("1");
        Browsers.click(counter, By.cssSelector("[data-action=open]"));
        Await.until(java.time.Duration.ofSeconds(60), () -> app.counterOpen(1), () -> "counter 1 opened from the counter PC");
        Browsers.click(counter, By.cssSelector("[data-action=call-next]"));
        Browsers.waiting(counter, 60).until(ExpectedConditions.textToBe(By.id("current"), "A001"));
        Browsers.screenshot(counter, "counter-over-lan-1280x800");

        counter.get(lan + "manager");
        Browsers.waiting(counter, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"),
                "Log in with a manager account"));
        Browsers.logIn(counter, "chi", "quan-ly-9", "board");
        Browsers.waiting(counter, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("services"), "Hộ tịch (0 chờ)"));
        assertEquals("· chi", counter.findElement(By.id("who")).getText());

        counter.get(lan + "kiosk");
        assertTrue(counter.getPageSource().contains("NOT_FOUND"), "no kiosk on the LAN");
    }
}
