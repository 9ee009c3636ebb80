package vn.motcua.tests.browser;

import vn.motcua.tests.harness.StaffFile;
import vn.motcua.bus.bench.Percentiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.appliance.store.EventJson;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * A clerk's call as the hall sees it: call-next clicked on the logged-in /counter page in one Chromium, the number
 * painted in the "now serving" panel of /display in another, both instants taken in the pages with
 * {@code performance.timeOrigin + performance.now()} (one host, one wall clock; the two pages' offset is measured and
 * printed). Interleaved with it, the old baseline: call-next sent over HTTP by the test (as a keypad adapter would),
 * timed around the request. For every call the display also records call -> drawn against the appliance's own stamp
 * ({@code window.motcuaLatencies}). Then the page weight of /display and /kiosk. Off unless
 * {@code -Dmotcua.bench=true}; {@code -Dmotcua.bench.calls=N} (default 200); see BENCHMARKS.md ("Screens").
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class ScreensBenchmark {
    private static final int CALLS = Integer.getInteger("motcua.bench.calls", 200);
    /** Pairs before the measured ones: the appliance's JIT and both renderers warm up. */
    private static final int WARMUP = 10;

    /** In the counter page: the instant of each click on call-next, before the page's own handler runs. */
    private static final String RECORD_CLICKS = """
            window.benchClicks = [];
            performance.setResourceTimingBufferSize(100000);
            document.getElementById('actions').addEventListener('click', function (ev) {
              if (ev.target.closest('[data-action=call-next]')) { window.benchClicks.push(performance.timeOrigin + performance.now()); }
            }, true);""";

    /**
     * In the display: when counter 1's cell in the "now serving" panel shows a new number, the instant of the frame
     * that paints it (the next requestAnimationFrame, as for motcuaLatencies). Event-driven, no polling in the page.
     */
    static final String RECORD_PAINTS = """
            window.benchPainted = [];
            var last = null;
            new MutationObserver(function () {
              var b = document.querySelector("#counters [data-counter='1'] b"), n = b ? b.textContent : null;
              if (n === last) { return; }
              last = n;
              requestAnimationFrame(function () { window.benchPainted.push({ number: n, at: performance.timeOrigin + performance.now() }); });
            }).observe(document.getElementById('counters'), { childList: true, subtree: true, characterData: true });""";

    /** This page's performance.timeOrigin + now() minus Date.now(), averaged so that Date's 1 ms steps average out. */
    static final String CLOCK_OFFSET = """
            var sum = 0, n = 20000;
            for (var i = 0; i < n; i++) { sum += performance.timeOrigin + performance.now() - Date.now(); }
            return sum / n;""";

    @TempDir
    Path dir;

    @Test
    void clickOnTheCounterPageToPaintedOnTheDisplayAndPageWeight() throws Exception {
        if (CALLS < 1 || 2 * (WARMUP + CALLS) > 999) { // two tickets a pair, numbers A001-A999; the display keeps 1000
            throw new IllegalArgumentException("motcua.bench.calls must be 1.." + (999 / 2 - WARMUP) + ": " + CALLS);
        }
        // every ticket for ho-tich, so that both kinds of call take the same path; its cap raised to the numbers' end
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml.replaceFirst("daily_cap    = 300", "daily_cap    = 999"))) {
            StaffFile.write(app.dataDir(), new StaffFile.Account("bench", "1", "mat-khau-b"));
            app.start();
            String base = app.get("/healthz").uri().resolve("/").toString();
            ChromeDriver display = Browsers.open(dir.resolve("chrome-display"), 1920, 1080);
            ChromeDriver counter = null;
            try {
                display.get(base + "display");
                Browsers.waiting(display, 60).until(ExpectedConditions.textToBe(By.cssSelector("[data-waiting=ho-tich]"), "0"));
                System.out.println("page weight /display: " + weight(display));
                display.executeScript(RECORD_PAINTS);

                counter = Browsers.open(dir.resolve("chrome-counter"), 1280, 800);
                counter.get(base + "counter");
                Browsers.logIn(counter, "bench", "mat-khau-b", "desk");
                Browsers.click(counter, By.cssSelector("[data-action=open]"));
                Await.until(java.time.Duration.ofSeconds(60), () -> app.counterOpen(1), () -> "counter 1 opened from the page");
                counter.executeScript(RECORD_CLICKS);
                double skew = ((Number) counter.executeScript(CLOCK_OFFSET)).doubleValue()
                        - ((Number) display.executeScript(CLOCK_OFFSET)).doubleValue();

                List<Double> clickToPainted = new ArrayList<>();
                List<Double> roundTrip = new ArrayList<>();
                for (int i = 0; i < WARMUP + CALLS; i++) {
                    // the clerk's click on the staff page
                    String byClick = ticket(app);
                    int clicks = i + 1;
                    Browsers.click(counter, By.cssSelector("[data-action=call-next]"));
                    double painted = paintedAt(display, byClick);
                    double clicked = ((Number) counter.executeScript("return window.benchClicks[arguments[0] - 1]", clicks)).doubleValue();
                    app.post("/api/counters/1/finish", null);
                    // the baseline: the same command over HTTP from here
                    String byHttp = ticket(app);
                    long t0 = System.nanoTime();
                    app.post("/api/counters/1/call-next", null);
                    double rt = (System.nanoTime() - t0) / 1e6;
                    paintedAt(display, byHttp);
                    app.post("/api/counters/1/finish", null);
                    if (i >= WARMUP) {
                        clickToPainted.add(painted - clicked);
                        roundTrip.add(rt);
                    }
                }
                @SuppressWarnings("unchecked")
                List<Number> drawn = (List<Number>) display.executeScript("return window.motcuaLatencies");
                double[] byClickDrawn = new double[CALLS];
                double[] byHttpDrawn = new double[CALLS];
                for (int i = 0; i < CALLS; i++) { // one entry per call, in call order: click, HTTP, click, ...
                    byClickDrawn[i] = drawn.get(2 * (WARMUP + i)).doubleValue();
                    byHttpDrawn[i] = drawn.get(2 * (WARMUP + i) + 1).doubleValue();
                }
                @SuppressWarnings("unchecked")
                List<Number> answers = (List<Number>) counter.executeScript("""
                        return performance.getEntriesByType('resource')
                          .filter(function (r) { return r.name.indexOf('/api/counters/1/call-next') >= 0; })
                          .map(function (r) { return r.responseEnd - r.startTime; });""");
                double[] a = roundTrip.stream().mapToDouble(Double::doubleValue).toArray();
                double[] c = clickToPainted.stream().mapToDouble(Double::doubleValue).toArray();
                double[] pageAnswer = answers.subList(WARMUP, WARMUP + CALLS).stream().mapToDouble(Number::doubleValue).toArray();
                System.out.printf("clock offset counter page - display page: %.3f ms%n", skew);
                System.out.printf("click call-next on /counter -> painted in /display's now-serving panel (n=%d): p50 %.1f ms, p99 %.1f ms%n",
                        c.length, pct(c, 50), pct(c, 99));
                System.out.printf("  the page's own call-next request, fetch start -> response (n=%d): p50 %.1f ms, p99 %.1f ms%n",
                        pageAnswer.length, pct(pageAnswer, 50), pct(pageAnswer, 99));
                System.out.printf("  call -> drawn on /display from the appliance's stamp, clicked calls (n=%d): p50 %.1f ms, p99 %.1f ms%n",
                        byClickDrawn.length, pct(byClickDrawn, 50), pct(byClickDrawn, 99));
                System.out.printf("call-next HTTP round trip from the test, interleaved calls (n=%d): p50 %.1f ms, p99 %.1f ms%n",
                        a.length, pct(a, 50), pct(a, 99));
                System.out.printf("  call -> drawn on /display from the appliance's stamp, HTTP calls (n=%d): p50 %.1f ms, p99 %.1f ms%n",
                        byHttpDrawn.length, pct(byHttpDrawn, 50), pct(byHttpDrawn, 99));
                System.out.printf("ratio p50 click->painted / HTTP round trip: %.2f; p99: %.2f%n",
                        pct(c, 50) / pct(a, 50), pct(c, 99) / pct(a, 99));
                System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
                // in a browser of its own: one that has shown another page has common.css and live.js in its cache
                counter.quit();
                counter = null;
                counter = Browsers.open(dir.resolve("chrome-kiosk"), 1080, 1920);
                counter.get(base + "kiosk");
                Browsers.waiting(counter, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=ho-tich]")));
                System.out.println("page weight /kiosk (with its /kiosk/info answer): " + weight(counter));
            } finally {
                display.quit();
                if (counter != null) {
                    counter.quit();
                }
            }
        }
    }

    /** Takes a ho-tich ticket over HTTP and returns its number. */
    private static String ticket(ApplianceProcess app) throws Exception {
        return EventJson.mapper().readTree(app.post("/api/tickets", "{\"service\":\"ho-tich\"}").body())
                .at("/ticket/number").asText();
    }

    /** Waits until the display painted {@code number} in counter 1's cell and returns when, in the page's time. */
    static double paintedAt(ChromeDriver display, String number) {
        String find = "var n = arguments[0]; return window.benchPainted.filter(function (p) { return p.number === n; })";
        Browsers.waiting(display, 60).until(d -> !((List<?>) ((ChromeDriver) d).executeScript(find, number)).isEmpty());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> seen = (List<Map<String, Object>>) display.executeScript(find, number);
        return ((Number) seen.get(0).get("at")).doubleValue();
    }

    static double pct(double[] samples, double p) {
        return Percentiles.of(samples).at(p);
    }

    /** Decoded bytes of the page and everything it loaded, and of that the fonts, from the browser's timings. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> weight(ChromeDriver d) {
        return (Map<String, Object>) d.executeScript("""
                var nav = performance.getEntriesByType('navigation')[0], total = nav.decodedBodySize, fonts = 0, n = 1;
                performance.getEntriesByType('resource').forEach(function (r) {
                  if (r.name.indexOf('/events') >= 0) { return; }
                  total += r.decodedBodySize; n++;
                  if (r.name.indexOf('/fonts/') >= 0) { fonts += r.decodedBodySize; }
                });
                return {files: n, total_bytes: total, font_bytes: fonts, without_fonts: total - fonts};""");
    }
}
