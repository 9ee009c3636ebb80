package vn.motcua.tests.browser;

import vn.motcua.tests.harness.LanHttps;
import vn.motcua.tests.harness.StaffFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import vn.motcua.appliance.web.lan.AnotherHost;
import vn.motcua.appliance.web.lan.NetNamespace;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * A clerk's counter PC: Chromium on the LAN listener (HTTPS, the keystore made by the provisioning commands, the
 * certificate accepted as the office's own), run inside a network namespace the test makes, so the appliance sees it
 * as another host (needs root and iproute2: skipped without, failed under {@code CI=true}). Login, the Secure cookie kept across a reload, a call
 * with the queue pushed live, the manager view after a manager login, and the kiosk out of reach.
 */
class LanBrowserTest {
    /** Another host of the LAN: a network namespace the test makes (skipped without root, failed under CI). */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
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
        NetNamespace ns = HOST.ns();
        LanHttps https = LanHttps.make(dir, ns.host());
        app = new ApplianceProcess(dir, https::enable);
        StaffFile.write(app.dataDir(), StaffFile.LAN, StaffFile.CHI);
        app.start();
        app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
        String lan = https.base();

        counter = Browsers.open(dir.resolve("chrome-counter-pc"), 1280, 800, true, Browsers.launcherInside(ns, dir));
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
