package vn.motcua.tests.browser;

import vn.motcua.tests.harness.StaffFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.tests.harness.ApplianceProcess;

/**
 * Issue 15 item 3: the manager reads ratings the right way round. Two clerks, mai rated 3 and 4 (worse), thu 2
 * (better); the page states the scale in words, gives each clerk's count beside the average and how many of each.
 */
class ManagerRatingsBrowserTest {
    @Test
    void ratingsAreShownWithTheirScaleCountAndDistribution(@TempDir Path dir) throws Exception {
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml)) {
            StaffFile.write(app.dataDir(), StaffFile.CHI);
            app.start();
            ok(app, "/api/counters/3/open", "{\"staff\":\"mai\"}");
            ok(app, "/api/counters/4/open", "{\"staff\":\"thu\"}");
            for (int i = 0; i < 3; i++) {
                ok(app, "/api/tickets", "{\"service\":\"dat-dai\"}");
            }
            for (int[] served : new int[][] {{3, 3}, {4, 2}, {3, 4}}) {
                String c = "/api/counters/" + served[0] + "/";
                ok(app, c + "call-next", "{}");
                ok(app, c + "start", "{}");
                ok(app, c + "finish", "{}");
                ok(app, c + "rate", "{\"score\":" + served[1] + "}");
            }
            String base = app.get("/healthz").uri().resolve("/").toString();
            ChromeDriver page = Browsers.open(dir.resolve("chrome-manager"), 1600, 900);
            try {
                page.get(base + "manager");
                Browsers.logIn(page, "chi", "quan-ly-9", "board");
                Browsers.waiting(page, 60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#staff tr[data-key=mai]")));
                String scale = page.findElement(By.id("rating-scale")).getText();
                assertTrue(scale.contains("1 = Rất hài lòng / Very satisfied") && scale.contains("4 = Không hài lòng / Not satisfied")
                        && scale.contains("lower is better"), scale);
                assertEquals("2", cell(page, "#staff tr[data-key=mai]", "ratings"));
                assertEquals("3.50 ≈ Không hài lòng / Not satisfied", cell(page, "#staff tr[data-key=mai]", "average_rating"),
                        "mai's 3.5 reads as what it is, not as better than thu's 2");
                assertEquals("2.00 ≈ Hài lòng / Satisfied", cell(page, "#staff tr[data-key=thu]", "average_rating"));
                assertEquals(List.of("0", "0", "1", "1"), List.of(cell(page, "#staff tr[data-key=mai]", "rating_1"),
                        cell(page, "#staff tr[data-key=mai]", "rating_2"), cell(page, "#staff tr[data-key=mai]", "rating_3"),
                        cell(page, "#staff tr[data-key=mai]", "rating_4")));
                String head = page.findElement(By.cssSelector("#staff tr")).getText();
                assertTrue(head.contains("Rất hài lòng") && head.contains("Không hài lòng") && head.contains("Số đánh giá"), head);
                assertEquals("1", cell(page, "#by-counter tr[data-key='4']", "ratings"));
                Browsers.screenshot(page, "manager-ratings-1600x900");
            } finally {
                page.quit();
            }
        }
    }

    private static String cell(ChromeDriver d, String row, String figure) {
        return d.findElement(By.cssSelector(row + " td[data-figure=" + figure + "]")).getText();
    }

    private static void ok(ApplianceProcess app, String path, String body) throws Exception {
        var r = app.post(path, body);
        assertTrue(r.statusCode() / 100 == 2, path + ": " + r.body());
    }
}
