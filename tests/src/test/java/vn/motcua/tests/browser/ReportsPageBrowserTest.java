package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.tests.harness.StaffFile;

/**
 * Issue 18 item 2 in a real browser against the real appliance process: a manager logs in on {@code /manager/reports},
 * and the table shows, cell for cell, the figures {@code /manager/reports/data} gives (read by the same logged-in
 * page), times as m:ss; the server's SVG charts load. Screenshots: {@code reports.png} (the page) and
 * {@code reports-heatmap.png} (the hour × weekday map), to copy to docs/screens/.
 */
class ReportsPageBrowserTest {
    private static final List<String> COUNTS = List.of("issued", "served", "no_shows", "expired", "transferred", "parked",
            "ratings", "breaches", "booked", "checked_in", "booked_on_time", "booking_no_shows");
    private static final List<String> TIMES = List.of("average_wait_seconds", "p50_wait_seconds", "p90_wait_seconds",
            "longest_wait_seconds", "average_service_seconds");

    @Test
    void aManagerSeesTheFiguresOfTheDataInTheTable(@TempDir Path dir) throws Exception {
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml)) {
            StaffFile.write(app.dataDir(), StaffFile.CHI);
            app.start();
            ok(app, "/api/counters/1/open", "{\"staff\":\"lan\"}");
            ok(app, "/api/counters/3/open", "{\"staff\":\"mai\"}");
            for (String service : new String[] {"ho-tich", "ho-tich", "dat-dai", "ho-tich", "dat-dai", "chung-thuc"}) {
                ok(app, "/api/tickets", "{\"service\":\"" + service + "\"}");
            }
            for (int[] served : new int[][] {{1, 1}, {3, 2}, {1, 4}}) {
                String c = "/api/counters/" + served[0] + "/";
                ok(app, c + "call-next", "{}");
                ok(app, c + "start", "{}");
                ok(app, c + "finish", "{}");
                ok(app, c + "rate", "{\"score\":" + served[1] + "}");
            }
            ok(app, "/api/counters/3/call-next", "{}");
            ok(app, "/api/counters/3/skip", "{}");
            String base = app.get("/healthz").uri().resolve("/").toString();
            ChromeDriver page = Browsers.open(dir.resolve("chrome-reports"), 1400, 2600);
            try {
                page.get(base + "manager/reports?period=week");
                Browsers.logIn(page, "chi", "quan-ly-9", "reports");
                Browsers.waiting(page, 60).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#rows tr[data-key='ho-tich']")));
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) page.executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                        + "fetch('/manager/reports/data?period=week', {cache: 'no-store'}).then(r => r.json()).then(done);");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> rows = (List<Map<String, Object>>) data.get("rows");
                assertEquals(3, rows.size(), "ho-tich, dat-dai, chung-thuc: " + rows);
                for (Map<String, Object> row : rows) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> f = (Map<String, Object>) row.get("figures");
                    String tr = "#rows tr[data-key='" + row.get("key") + "']";
                    assertTrue(page.findElement(By.cssSelector(tr + " td")).getText().startsWith((String) row.get("label_vi")));
                    check(page, tr, f);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> total = (Map<String, Object>) data.get("total");
                assertEquals(6L, total.get("issued"));
                assertEquals(3L, total.get("served"));
                check(page, "#rows tr[data-key='total']", total);
                assertEquals("6", page.findElement(By.cssSelector("#totals tr[data-figure=issued] td.now")).getText());
                assertEquals("2.33", page.findElement(By.cssSelector("#totals tr[data-figure=average_rating] td.now")).getText());
                assertTrue(page.findElement(By.cssSelector("#rows td[data-figure=issued]")).getCssValue("text-align")
                        .equals("right"), "numbers right-aligned");
                for (String id : new String[] {"chart-groups", "chart-trend", "chart-arrivals", "chart-waits"}) {
                    try {
                        Browsers.waiting(page, 30).until(d -> (Boolean) page.executeScript(
                                "var i = document.getElementById(arguments[0]); return i.complete && i.naturalWidth > 0;", id));
                    } catch (TimeoutException e) {
                        throw new AssertionError(id + " did not load: " + chartState(page, id) + "\nthe appliance's log ends:\n"
                                + app.logTail(30), e);
                    }
                    assertTrue(page.findElement(By.id(id)).getAttribute("alt").contains(" / "), id);
                }
                Path shot = Browsers.screenshot(page, "reports");
                WebElement heat = page.findElement(By.id("heat-arrivals"));
                Path heatShot = Browsers.SCREENSHOTS.resolve("reports-heatmap.png");
                Files.copy(heat.getScreenshotAs(OutputType.FILE).toPath(), heatShot, StandardCopyOption.REPLACE_EXISTING);
                assertTrue(Files.size(shot) > 10_000 && Files.size(heatShot) > 2_000);

                page.findElement(By.id("previous")).click(); // last week: nothing yet, said in words
                Browsers.waiting(page, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"),
                        "Không có số liệu trong kỳ này / No figures in this period"));
            } finally {
                page.quit();
            }
        }
    }

    /** Each count as the number, each time as m:ss or "—", exactly as the data give them. */
    private static void check(ChromeDriver page, String tr, Map<String, Object> f) {
        for (String c : COUNTS) {
            assertEquals(String.valueOf(f.get(c)), cell(page, tr, c), tr + " " + c);
        }
        for (String t : TIMES) {
            Object v = f.get(t);
            String expected = v == null ? "—" : String.format("%d:%02d", ((Number) v).longValue() / 60, ((Number) v).longValue() % 60);
            assertEquals(expected, cell(page, tr, t), tr + " " + t);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) f.get("rating_counts");
        for (int s = 1; s <= 4; s++) {
            assertEquals(String.valueOf(counts.get(Integer.toString(s))), cell(page, tr, "rating_" + s), tr + " rating " + s);
        }
    }

    /** A chart that did not load: the image's state, and what its address answers now (status, type, start). */
    private static String chartState(ChromeDriver page, String id) {
        Object state = page.executeAsyncScript("""
                var done = arguments[arguments.length - 1], i = document.getElementById(arguments[0]);
                var seen = 'src ' + i.src + ', complete ' + i.complete + ', naturalWidth ' + i.naturalWidth;
                if (!i.src) { done(seen); return; }
                fetch(i.src, {cache: 'no-store'})
                  .then(r => r.text().then(t => done(seen + '; fetched again: ' + r.status + ' '
                      + r.headers.get('content-type') + ' ' + t.length + ' chars: ' + t.slice(0, 160))))
                  .catch(e => done(seen + '; fetched again: ' + e));
                """, id);
        return String.valueOf(state);
    }


    private static String cell(ChromeDriver d, String row, String figure) {
        return d.findElement(By.cssSelector(row + " td[data-figure=" + figure + "]")).getText();
    }

    private static void ok(ApplianceProcess app, String path, String body) throws Exception {
        var r = app.post(path, body);
        assertTrue(r.statusCode() / 100 == 2, path + ": " + r.body());
    }
}
