package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.bus.Await;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.tests.harness.LanHttps;
import vn.motcua.tests.harness.PrintedTickets;
import vn.motcua.tests.harness.StaffFile;

/**
 * Issue 19 item 3: every page the appliance serves as HTML, in real Chromium against the appliance process, checked by
 * axe-core (the npm package at the version of {@code tests/a11y/package-lock.json}, installed by the tests module's
 * build) against WCAG 2.0, 2.1 and 2.2 A and AA. Prints a table of violations per page and impact; fails on any
 * serious or critical one (colour contrast is serious). Each page is checked in the state a person sees it in: the
 * display with a call on it, the staff pages logged in (and their login form), the kiosk's views, the phone page
 * (a ticket waiting, a ticket called, the code form).
 */
class AccessibilityTest {
    /** The rule sets: WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 added AA rules only: target size). */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");
    private static final Path AXE = Path.of(System.getProperty("motcua.axeJs", "a11y/node_modules/axe-core/axe.min.js"));
    private static final Path LOCK = Path.of("a11y/package-lock.json");
    /** A late dossier and an on-time one in the fixture source of the test config (as ScreensBrowserTest). */
    private static final String LATE_DOSSIER = "000.00.15.H29-261110-0102";

    /**
     * A page in one state: its path, the screen it is shown on, who is logged in ({@code null}: nobody), and what to
     * do on it before the check (wait until it shows its data, open a view).
     */
    record Page(String name, String path, int width, int height, StaffFile.Account login, Consumer<ChromeDriver> then) {}

    /**
     * Every HTML page of the route table (README, "Screens"), once per state a person meets. A new page is one line
     * here (the reports page, when it comes: {@code new Page("manager reports", "manager/reports", 1280, 800,
     * StaffFile.CHI, d -> ...)}).
     */
    static List<Page> pages() {
        return List.of(
                new Page("display", "display", 1920, 1080, null, AccessibilityTest::calmDisplay),
                new Page("kiosk", "kiosk", 1080, 1920, null, AccessibilityTest::kioskReady),
                new Page("kiosk large text", "kiosk", 1080, 1920, null, AccessibilityTest::kioskLargeText),
                new Page("kiosk voice guidance", "kiosk", 1080, 1920, null, d -> { // speaking: the button says how to stop it
                    kioskReady(d);
                    d.findElement(By.id("voice-guide")).click();
                    Browsers.waiting(d, 60).until(x -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) x).executeScript(
                            "var g = window.motcuaGuided[0]; return !!g && g.played !== null;")));
                    assertEquals("true", d.findElement(By.id("voice-guide")).getAttribute("aria-pressed"));
                }),
                new Page("kiosk keyboard", "kiosk", 1080, 1920, null, d -> {
                    kioskReady(d);
                    d.findElement(By.id("code")).click();
                    Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("keys")));
                }),
                new Page("kiosk ticket", "kiosk", 1080, 1920, null, d -> {
                    kioskReady(d);
                    Browsers.click(d, By.cssSelector("[data-service=ho-tich]"));
                    Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("t-number")));
                    Browsers.waiting(d, 60).until(x -> !x.findElement(By.id("t-print")).getAttribute("class").equals("pending"));
                }),
                new Page("kiosk ticket large text", "kiosk", 1080, 1920, null, d -> {
                    kioskLargeText(d);
                    Browsers.click(d, By.cssSelector("[data-service=ho-tich]"));
                    Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("t-number")));
                    Browsers.waiting(d, 60).until(x -> !x.findElement(By.id("t-print")).getAttribute("class").equals("pending"));
                    assertEquals(Boolean.TRUE, d.executeScript("return document.documentElement.scrollHeight <= window.innerHeight"),
                            "the ticket in large text, its Done button included, on one portrait screen: page height "
                                    + d.executeScript("return document.documentElement.scrollHeight + ' in ' + window.innerHeight"));
                }),
                new Page("kiosk dossier", "kiosk", 1080, 1920, null, d -> {
                    kioskReady(d);
                    d.findElement(By.id("code")).click();
                    for (char c : LATE_DOSSIER.toCharArray()) {
                        d.findElement(By.cssSelector("[data-key='" + c + "']")).click();
                    }
                    d.findElement(By.id("key-submit")).click();
                    Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("late")));
                }),
                new Page("status form", "status", 1080, 1920, null, d -> {}),
                new Page("status late dossier", "status?code=" + LATE_DOSSIER, 1080, 1920, null,
                        d -> Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("late")))),
                new Page("counter login", "counter", 1280, 800, null,
                        d -> Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")))),
                new Page("counter", "counter", 1280, 800, StaffFile.LAN,
                        d -> Browsers.waiting(d, 60).until(ExpectedConditions.textToBe(By.id("served"), "0"))),
                new Page("manager login", "manager", 1280, 800, null,
                        d -> Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")))),
                new Page("manager", "manager", 1280, 800, StaffFile.CHI,
                        d -> Browsers.waiting(d, 60).until(ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector("#counters tr[data-counter='1']"), "lan"))),
                new Page("manager paired screens", "manager", 1280, 800, StaffFile.CHI,
                        d -> Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("screens-admin")))),
                // a new screen on the LAN shows its pairing code (here on the local listener: the same page)
                new Page("pairing", "pair", 1280, 720, null, d -> Browsers.waiting(d, 60).until(
                        ExpectedConditions.textMatches(By.id("code"), Pattern.compile("[2-9A-Z]{3}-[2-9A-Z]{3}")))),
                // the counter-top screen of counter 1 (on the Pi's own listener the counter is the page's ?counter=)
                new Page("counter screen", "counter-screen?counter=1", 800, 480, null, d -> {
                    Browsers.waiting(d, 60).until(ExpectedConditions.textToBe(By.id("number"), "A001"));
                    Browsers.waiting(d, 60).until(x -> Boolean.TRUE.equals(((ChromeDriver) x).executeScript(
                            "return document.getAnimations().length === 0")));
                }),
                new Page("reports", "manager/reports", 1280, 800, StaffFile.CHI,
                        d -> Browsers.waiting(d, 60).until(x -> x.findElements(By.cssSelector("#totals tr")).size() > 1)),
                // the phone page (a resident's phone, opened from the ticket's QR): waiting, called, the code form
                new Page("phone waiting", phoneWaiting, 390, 844, null,
                        d -> Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("ahead")))),
                new Page("phone called", phoneCalled, 390, 844, null, d -> {
                    Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("called")));
                    // the check of the calm state, as the display's: the alert flashes for 6 s, then stays
                    Browsers.waiting(d, 60).until(x -> Boolean.TRUE.equals(((ChromeDriver) x).executeScript(
                            "return document.getAnimations().length === 0")));
                }),
                new Page("phone code form", "t", 390, 844, null,
                        d -> Browsers.waiting(d, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("ma")))));
    }

    @TempDir
    static Path dir;
    private static ApplianceProcess app;
    private static ChromeDriver browser;
    private static String axe;
    private static String base;
    /** The phone pages of the two tickets of the day (their QR's path, opened on the local listener). */
    private static String phoneCalled;
    private static String phoneWaiting;

    @BeforeAll
    static void start() throws Exception {
        axe = axeSource();
        // the phone page is on, so the LAN listener must be; no client uses it (the phone pages are opened on the
        // local listener), so a loopback address and no network namespace
        LanHttps https = LanHttps.make(dir, "127.0.0.2");
        app = new ApplianceProcess(dir, toml -> https.enableWithPhonePage(toml, 5));
        StaffFile.write(app.dataDir(), StaffFile.LAN, StaffFile.CHI);
        VoiceCache.copyInto(app.dataDir()); // the kiosk's voice guidance speaks at once
        app.start();
        base = app.get("/healthz").uri().resolve("/").toString();
        // A day under way, so the pages show data, not only their empty frames: a call on the display, a clerk
        // open at counter 1 (the manager page lists her), tickets waiting.
        app.post("/api/counters/1/open", "{\"staff\":\"lan\"}");
        phoneCalled = phonePath(https, app.post("/api/tickets", "{\"service\":\"ho-tich\"}").body());
        phoneWaiting = phonePath(https, app.post("/api/tickets", "{\"service\":\"dat-dai\",\"priority\":\"ELDERLY\"}").body());
        app.post("/api/counters/1/call-next", null);
        Await.until(java.time.Duration.ofSeconds(60), () -> app.counterOpen(1), () -> "counter 1 open");
        browser = Browsers.open(dir.resolve("chrome"), 1920, 1080);
    }

    /** The path of the phone page the paper of the ticket just issued ({@code reply}) leads to, without the "/". */
    private static String phonePath(LanHttps https, String reply) {
        Matcher m = Pattern.compile("\"number\":\"([A-Z]\\d+)\"").matcher(reply);
        assertTrue(m.find(), reply);
        String qr = PrintedTickets.qr(app, m.group(1));
        assertTrue(qr.startsWith(https.base()), qr);
        return qr.substring(https.base().length());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    /**
     * axe-core's script, as installed from the lock file. A missing file (no npm where the build ran) skips the test
     * on a workstation and fails it under CI=true, as every missing program does there.
     */
    private static String axeSource() throws IOException {
        if (!Files.isRegularFile(AXE)) {
            String why = AXE.toAbsolutePath() + " is missing: the tests module's build installs it with npm "
                    + "(tests/a11y/install.sh; needs the Debian packages nodejs and npm)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return Files.readString(AXE, StandardCharsets.UTF_8);
    }

    /** The version package-lock.json pins: the script loaded must be that one (a stale node_modules is not). */
    private static String lockedVersion() throws IOException {
        Matcher m = Pattern.compile("\"node_modules/axe-core\":\\s*\\{\\s*\"version\":\\s*\"([^\"]+)\"")
                .matcher(Files.readString(LOCK));
        assertTrue(m.find(), "axe-core in " + LOCK);
        return m.group(1);
    }

    private static void calmDisplay(ChromeDriver d) {
        Browsers.waiting(d, 60).until(ExpectedConditions.textToBe(By.id("hero-number"), "A001"));
        // The check of the calm state: a call flashes for 6 s (a frame of the flash is at low opacity on purpose).
        Browsers.waiting(d, 60).until(x -> Boolean.TRUE.equals(((ChromeDriver) x).executeScript(
                "return !document.getElementById('hero').classList.contains('blink') && !document.querySelector('#recent li.fresh')")));
    }

    private static void kioskReady(ChromeDriver d) {
        Browsers.waiting(d, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=ho-tich]")));
        Browsers.waiting(d, 60).until(x -> Boolean.TRUE.equals(((ChromeDriver) x).executeScript("return document.fonts.status === 'loaded'")));
    }

    private static void kioskLargeText(ChromeDriver d) {
        kioskReady(d);
        Browsers.click(d, By.id("large-text"));
        Browsers.waiting(d, 60).until(ExpectedConditions.attributeToBe(By.id("large-text"), "aria-pressed", "true"));
        kioskReady(d);
    }

    /** One violation as the report prints it. */
    record Violation(String rule, String impact, String help, List<String> targets) {}

    /** Opens the page in its state and runs axe over the whole document. */
    @SuppressWarnings("unchecked")
    private static List<Violation> check(Page p) {
        browser.get(base); // a page of the appliance's origin, so its cookies can be cleared
        browser.manage().deleteAllCookies();
        Browsers.viewport(browser, p.width(), p.height());
        if (p.login() != null) {
            browser.get(base + p.path());
            Browsers.logIn(browser, p.login().name(), p.login().password(), p.path().equals("counter") ? "desk"
                    : p.path().equals("manager/reports") ? "reports" : "board");
        } else {
            browser.get(base + p.path());
        }
        p.then().accept(browser);
        // axe checks that a lang attribute is valid, not that the English beside the Vietnamese is marked as English
        // (so a screen reader does not read it with a Vietnamese voice): every .en element must carry lang="en".
        assertEquals("vi", browser.executeScript("return document.documentElement.lang"), p.name() + ": the page is Vietnamese");
        assertEquals(List.of(), browser.executeScript(
                "return Array.from(document.querySelectorAll('.en:not([lang=en])')).map(e => e.outerHTML.slice(0, 120))"),
                p.name() + ": English text not marked lang=\"en\"");
        browser.executeScript(axe);
        Object raw = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(function (r) {
                    done({ version: axe.version, violations: r.violations.map(function (v) {
                      return { rule: v.id, impact: v.impact, help: v.help,
                               targets: v.nodes.map(function (n) { return n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' '); }) };
                    }) });
                  })
                  .catch(function (e) { done({ error: String(e) }); });
                """, TAGS);
        Map<String, Object> r = (Map<String, Object>) raw;
        assertFalse(r.containsKey("error"), p.name() + ": axe.run failed: " + r.get("error"));
        try {
            assertEquals(lockedVersion(), r.get("version"), "axe-core loaded is the locked version");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<Violation> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) r.get("violations")) {
            out.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    (List<String>) v.get("targets")));
        }
        return out;
    }

    @Test
    void everyPageHasNoSeriousOrCriticalViolations() throws Exception {
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        Map<String, List<Violation>> found = new LinkedHashMap<>();
        for (Page p : pages()) {
            found.put(p.name(), check(p));
            if (p.name().equals("kiosk large text")) {
                Browsers.screenshot(browser, "kiosk-large-text");
            }
        }
        StringBuilder table = new StringBuilder("axe-core " + lockedVersion() + ", " + String.join(" ", TAGS)
                + ": violations (elements) per page and impact\n");
        table.append(String.format("%-26s %9s %9s %9s %9s%n", "page", "critical", "serious", "moderate", "minor"));
        StringBuilder failures = new StringBuilder();
        StringBuilder others = new StringBuilder();
        for (var e : found.entrySet()) {
            Map<String, int[]> counts = new LinkedHashMap<>();
            IMPACTS.forEach(i -> counts.put(i, new int[2]));
            for (Violation v : e.getValue()) {
                int[] c = counts.computeIfAbsent(String.valueOf(v.impact()), k -> new int[2]);
                c[0]++;
                c[1] += v.targets().size();
                String line = "  " + e.getKey() + ": " + v.impact() + " " + v.rule() + " (" + v.help() + ")\n"
                        + String.join("\n", v.targets().stream().map(t -> "      " + t).toList()) + "\n";
                if ("serious".equals(v.impact()) || "critical".equals(v.impact())) {
                    failures.append(line);
                } else {
                    others.append(line);
                }
            }
            table.append(String.format("%-26s", e.getKey()));
            for (String i : IMPACTS) {
                table.append(String.format(" %9s", counts.get(i)[0] + " (" + counts.get(i)[1] + ")"));
            }
            table.append('\n');
        }
        System.out.println(table);
        if (!others.isEmpty()) {
            System.out.println("moderate and minor (reported, not failing):\n" + others);
        }
        assertTrue(failures.isEmpty(), "serious or critical accessibility violations:\n" + failures + "\n" + table);
    }

    /**
     * Item 3 of issue 19: the kiosk's large-text high-contrast mode is one large labelled button, says it is on
     * (aria-pressed), keeps every start-screen control on the portrait screen, stays on from view to view while a
     * resident uses the kiosk, and is off again for the next resident once the kiosk has gone back to its start.
     */
    @Test
    void theKioskLargeTextModeStaysOnWhileUsedAndGoesOffForTheNextResident() throws Exception {
        browser.get(base + "kiosk");
        Browsers.viewport(browser, 1080, 1920);
        kioskReady(browser);
        var toggle = browser.findElement(By.id("large-text"));
        assertTrue(toggle.getText().contains("Chữ lớn") && toggle.getText().contains("Large text"), toggle.getText());
        assertTrue(toggle.getSize().getHeight() >= 96, "a large target (5 vh, about 2.7 cm on a 24\" portrait screen), was " + toggle.getSize());
        assertEquals("false", toggle.getDomAttribute("aria-pressed"));
        double normal = fontPx("#services .vi");
        kioskLargeText(browser);
        assertTrue(fontPx("#services .vi") >= normal * 1.25, "the services' names larger: " + normal + " -> " + fontPx("#services .vi"));
        for (String css : new String[] {"#large-text", "[data-priority=ELDERLY]", "[data-service=ho-tich]", "#code"}) {
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "var r = document.querySelector(arguments[0]).getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", css),
                    css + " on the portrait screen without scrolling in large text");
        }
        // from view to view: the keyboard, then back
        browser.findElement(By.id("code")).click();
        Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("keys")));
        assertEquals(Boolean.TRUE, browser.executeScript("return document.body.classList.contains('large-text')"));
        browser.findElement(By.id("key-cancel")).click();
        assertEquals("true", browser.findElement(By.id("large-text")).getDomAttribute("aria-pressed"), "still on after Back");
        // untouched for the kiosk's idle time (30 s), it goes back to its start for the next resident: the mode goes
        // off with it (waited for for real: no hook in the page)
        long before = System.nanoTime();
        Browsers.waiting(browser, 90).until(ExpectedConditions.attributeToBe(By.id("large-text"), "aria-pressed", "false"));
        assertTrue(System.nanoTime() - before > 25_000_000_000L, "off at the idle timeout, not before");
        assertFalse((Boolean) browser.executeScript("return document.body.classList.contains('large-text')"));
    }

    private static double fontPx(String css) {
        return Double.parseDouble(browser.findElement(By.cssSelector(css)).getCssValue("font-size").replace("px", ""));
    }
}
