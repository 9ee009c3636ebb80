package vn.motcua.tests.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: a fresh profile per browser, no network
 * features, sound allowed without a click (as the kiosk browser is set up), the window at the screen's size.
 */
public final class Browsers {
    static final Path SCREENSHOTS = Path.of("target/screens");
    /**
     * Bounds on starting chromedriver and loading a page. They, and the waits the tests give (60 s), only stop a hung
     * test: Chromium on a loaded 2-core CI machine beside a JVM and a build can take tens of seconds.
     */
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private Browsers() {}

    public static ChromeDriver open(Path profile, int width, int height) throws IOException {
        return open(profile, width, height, false);
    }

    /** @param acceptOfficeCertificate accept a self-signed certificate, as a counter PC told to trust the appliance's */
    static ChromeDriver open(Path profile, int width, int height, boolean acceptOfficeCertificate) throws IOException {
        return open(profile, width, height, acceptOfficeCertificate, "/usr/bin/chromium");
    }

    /**
     * The same with another Chromium launcher: a script that starts {@code /usr/bin/chromium} inside a network
     * namespace (another host of the LAN). chromedriver then talks to it over a pipe ({@code --remote-debugging-pipe}),
     * since a DevTools port opened inside the namespace is out of its reach.
     */
    /**
     * A script that starts Chromium inside {@code ns}, for {@link #open(Path, int, int, boolean, String)}: the browser
     * is then another host of the LAN. Written into {@code dir}.
     */
    static String launcherInside(vn.motcua.appliance.web.lan.NetNamespace ns, Path dir) throws IOException {
        Path script = dir.resolve("chromium-in-namespace.sh");
        Files.writeString(script, "#!/bin/sh\nexec " + String.join(" ", ns.command(java.util.List.of("/usr/bin/chromium")))
                + " \"$@\"\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    static ChromeDriver open(Path profile, int width, int height, boolean acceptOfficeCertificate, String binary)
            throws IOException {
        Files.createDirectories(profile);
        ChromeOptions o = new ChromeOptions();
        o.setAcceptInsecureCerts(acceptOfficeCertificate);
        o.setBinary(binary);
        if (!binary.equals("/usr/bin/chromium")) {
            o.addArguments("--remote-debugging-pipe");
        }
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--force-device-scale-factor=1",
                "--autoplay-policy=no-user-gesture-required", "--mute-audio");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort()
                .withTimeout(START_LIMIT).build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(START_LIMIT);
        viewport(d, width, height);
        return d;
    }

    /** The page's viewport exactly at the screen's size (the window size would include the browser's frame). */
    static void viewport(ChromeDriver d, int width, int height) {
        d.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    static WebDriverWait waiting(ChromeDriver d, int seconds) {
        return new WebDriverWait(d, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    /**
     * Logs in on the staff form of the page {@code d} shows (/counter or /manager) and waits until the page shows the
     * element with id {@code shown} ("desk" for the counter page, "board" for the manager's).
     */
    static void logIn(ChromeDriver d, String user, String password, String shown) {
        d.findElement(By.id("user")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("login-button")).click();
        waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id(shown)));
    }

    /**
     * Clicks the element {@code by} finds once it is clickable. The kiosk redraws its service buttons on every queue
     * frame (each shows its waiting count), so a button found a moment ago can be gone when clicked: find it again.
     */
    static void click(ChromeDriver d, By by) {
        waiting(d, 60).until(driver -> {
            try {
                WebElement e = driver.findElement(by);
                if (!e.isDisplayed() || !e.isEnabled()) {
                    return false;
                }
                e.click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    /** Saves a screenshot as target/screens/{name}.png (copy to docs/screens/ to publish it). */
    static Path screenshot(ChromeDriver d, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path out = SCREENSHOTS.resolve(name + ".png");
        Files.copy(d.getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }
}
