package vn.motcua.tests.browser;

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

import vn.motcua.tests.harness.ApplianceProcess;

/**
 * Call -> number drawn on /display in Chromium, measured in the page (requestAnimationFrame after the call is
 * inserted, minus the command's time stamped by the appliance: commit, SSE push and drawing), side by side with
 * the clerk's own HTTP round trip of the same call; and the page weight of /display and /kiosk. Off unless
 * {@code -Dmotcua.bench=true}; see BENCHMARKS.md ("Screens").
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class ScreensBenchmark {
    private static final int CALLS = 200;

    @TempDir
    Path dir;

    @Test
    void callToDrawnOnTheDisplayAndPageWeight() throws Exception {
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml)) {
            app.start();
            String base = app.get("/healthz").uri().resolve("/").toString();
            ChromeDriver display = Browsers.open(dir.resolve("chrome"), 1920, 1080);
            try {
                display.get(base + "display");
                Browsers.waiting(display, 60).until(ExpectedConditions.textToBe(By.cssSelector("[data-waiting=ho-tich]"), "0"));
                System.out.println("page weight /display: " + weight(display));
                app.post("/api/counters/1/open", "{\"staff\":\"bench\"}");
                List<Double> api = new ArrayList<>();
                for (int i = 1; i <= CALLS; i++) {
                    app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
                    long t0 = System.nanoTime();
                    app.post("/api/counters/1/call-next", null);
                    api.add((System.nanoTime() - t0) / 1e6);
                    int n = i;
                    Browsers.waiting(display, 60).until(d -> ((Number) ((ChromeDriver) d)
                            .executeScript("return window.motcuaLatencies.length")).intValue() >= n);
                    app.post("/api/counters/1/finish", null);
                }
                @SuppressWarnings("unchecked")
                List<Number> drawn = (List<Number>) display.executeScript("return window.motcuaLatencies");
                double[] d = drawn.stream().mapToDouble(Number::doubleValue).toArray();
                double[] a = api.stream().mapToDouble(Double::doubleValue).toArray();
                System.out.printf("call -> drawn on /display (n=%d): p50 %.1f ms, p99 %.1f ms%n", d.length,
                        pct(d, 50), pct(d, 99));
                System.out.printf("call-next HTTP round trip (n=%d): p50 %.1f ms, p99 %.1f ms; drawn/round-trip p50 ratio %.2f%n",
                        a.length, pct(a, 50), pct(a, 99), pct(d, 50) / pct(a, 50));
                display.get(base + "kiosk");
                Browsers.waiting(display, 60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-service=ho-tich]")));
                System.out.println("page weight /kiosk: " + weight(display));
            } finally {
                display.quit();
            }
        }
    }

    /** Nearest-rank percentile. */
    static double pct(double[] samples, double p) {
        double[] s = samples.clone();
        java.util.Arrays.sort(s);
        int i = (int) Math.min(s.length - 1, Math.ceil(p / 100.0 * s.length) - 1);
        return s[Math.max(0, i)];
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
