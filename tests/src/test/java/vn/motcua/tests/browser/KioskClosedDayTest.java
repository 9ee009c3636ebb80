package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.tests.harness.ApplianceProcess;

/**
 * Today is in {@code [calendar] closed_days} (a public holiday): the kiosk says the office is closed, in Vietnamese
 * first and English beside it, offers no service, and still looks up a dossier; the ticket API refuses with the same
 * bilingual reason.
 */
class KioskClosedDayTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void onAClosedDayTheKioskSaysSoAndTakesNoTicketButLooksUpDossiers() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        ChromeDriver kiosk = null;
        try (ApplianceProcess app = new ApplianceProcess(dir,
                toml -> toml.replace("closed_days = []", "closed_days = [\"" + today + "\"]"))) {
            app.start();
            URI base = app.get("/healthz").uri().resolve("/");
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/tickets"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"ho-tich\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(refused.statusCode() >= 400 && refused.body().contains("OFFICE_CLOSED_TODAY")
                    && refused.body().contains("bộ phận một cửa nghỉ") && refused.body().contains("closed today"), refused.body());

            kiosk = Browsers.open(dir.resolve("chrome-kiosk"), 1080, 1920);
            kiosk.get(base + "kiosk");
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("closed-today")));
            String said = kiosk.findElement(By.id("closed-today")).getText();
            assertTrue(said.indexOf("nghỉ") >= 0 && said.indexOf("nghỉ") < said.indexOf("closed today"), said);
            WebElement hoTich = kiosk.findElement(By.cssSelector("[data-service=ho-tich]"));
            assertFalse(hoTich.isEnabled(), "no service offered on a closed day");
            Browsers.screenshot(kiosk, "kiosk-closed-day-1080x1920");

            kiosk.findElement(By.id("code")).click();
            for (char c : "000.00.15.H29-261115-0101".toCharArray()) {
                kiosk.findElement(By.cssSelector("[data-key='" + c + "']")).click();
            }
            kiosk.findElement(By.id("key-submit")).click();
            Browsers.waiting(kiosk, 60).until(ExpectedConditions.textToBe(By.id("d-code"), "000.00.15.H29-261115-0101"));
            assertTrue(kiosk.findElement(By.id("dossier-status")).getText().contains("Đang giải quyết"));
            assertTrue(app.get("/kiosk/info").body().contains("\"closed_today\":true"), "the kiosk was told by /kiosk/info");
        } finally {
            if (kiosk != null) {
                kiosk.quit();
            }
        }
    }
}
