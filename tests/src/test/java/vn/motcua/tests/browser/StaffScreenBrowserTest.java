package vn.motcua.tests.browser;

import vn.motcua.tests.harness.LanHttps;
import vn.motcua.tests.harness.StaffFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import vn.motcua.appliance.web.lan.AnotherHost;
import vn.motcua.appliance.web.lan.NetNamespace;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * Issue 15 item 10, in Chromium on the LAN listener as from the office's PCs (Chromium inside a network namespace the
 * test makes, so another host; needs root and iproute2: skipped without, failed under {@code CI=true}): the manager adds a clerk on the
 * staff screen of /manager, the clerk logs in at /counter and opens the counter given; the manager disables them
 * and their login is refused; the manager enables them and resets the password, and only the new one works.
 * The office starts with one manager account only (as provisioning leaves it), in the older file form.
 */
class StaffScreenBrowserTest {
    /** Another host of the LAN: a network namespace the test makes (skipped without root, failed under CI). */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
    @TempDir
    Path dir;
    private ApplianceProcess app;
    private ChromeDriver browser;
    private String lan;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    /** Logs out by forgetting the cookie, opens the page and logs in (the form as a person fills it). */
    private void logIn(String page, String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(lan + page);
        WebElement name = Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    private By row(String account) {
        return By.cssSelector("#staff-accounts tr[data-account='" + account + "']");
    }

    private void inRow(String account, String cls) {
        Browsers.click(browser, By.cssSelector("#staff-accounts tr[data-account='" + account + "'] ." + cls));
    }

    private void staffMessage(String text) {
        Browsers.waiting(browser, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-admin-message"), text));
    }

    @Test
    void aManagerAddsAClerkWhoLogsInThenDisablesEnablesAndResetsThem() throws Exception {
        NetNamespace ns = HOST.ns();
        LanHttps https = LanHttps.make(dir, ns.host());
        app = new ApplianceProcess(dir, https::enable);
        StaffFile.write(app.dataDir(), StaffFile.CHI);
        Path accounts = app.dataDir().resolve("staff.accounts");
        app.start();
        lan = https.base();
        browser = Browsers.open(dir.resolve("chrome-office-pc"), 1280, 800, true, Browsers.launcherInside(ns, dir));

        logIn("manager", "chi", "quan-ly-9");
        Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-admin")));
        Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(row("chi")));
        browser.findElement(By.id("staff-add-name")).sendKeys("minh");
        new Select(browser.findElement(By.id("staff-add-role"))).selectByValue("clerk");
        Browsers.click(browser, By.cssSelector("#staff-add-counters input.add-counter[value='3']"));
        browser.findElement(By.id("staff-add-password")).sendKeys("mat-khau-minh");
        browser.findElement(By.id("staff-add-button")).click();
        staffMessage("minh added");
        Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(row("minh")));
        assertTrue(browser.findElement(row("minh")).getText().contains("Cán bộ / Clerk"));
        assertEquals("", browser.findElement(By.id("staff-add-password")).getAttribute("value"), "the password is not kept");
        Browsers.screenshot(browser, "manager-staff-accounts-1280x800");
        assertTrue(Files.readString(accounts).contains("\nminh:3:$argon2id$"), "in the file, hashed");

        logIn("counter", "minh", "mat-khau-minh");
        Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("desk")));
        List<String> offered = new Select(browser.findElement(By.id("counter"))).getOptions().stream().map(WebElement::getText).toList();
        assertEquals(List.of("3"), offered, "the clerk is offered only the counter the manager gave");
        // the page shows the button once it has the counter's state: wait for it, as a clerk would
        Browsers.click(browser, By.cssSelector("[data-action=open]"));
        Await.until(Duration.ofSeconds(60), () -> app.counterOpen(3), () -> "counter 3 opened by the new clerk");

        logIn("manager", "chi", "quan-ly-9");
        inRow("minh", "disable");
        staffMessage("minh disabled");
        Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#staff-accounts tr.account-disabled[data-account='minh']")));

        logIn("counter", "minh", "mat-khau-minh");
        Browsers.waiting(browser, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"),
                "This account is disabled"));
        assertFalse(browser.findElement(By.id("desk")).isDisplayed());

        logIn("manager", "chi", "quan-ly-9");
        inRow("minh", "enable");
        staffMessage("minh enabled");
        Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#staff-accounts tr.account-active[data-account='minh'] .new-password")));
        browser.findElement(By.cssSelector("#staff-accounts tr[data-account='minh'] .new-password")).sendKeys("mat-khau-moi");
        inRow("minh", "reset");
        staffMessage("New password set for minh");

        logIn("counter", "minh", "mat-khau-minh");
        Browsers.waiting(browser, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"),
                "Wrong name or password"));
        logIn("counter", "minh", "mat-khau-moi");
        Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("desk")));
        assertEquals("· minh", browser.findElement(By.id("who")).getText());
        String events = app.get("/api/outbox/counts").body();
        assertTrue(events.contains("\"staff.changed\":4"), events);
    }
}
