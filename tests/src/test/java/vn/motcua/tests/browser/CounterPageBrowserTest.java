package vn.motcua.tests.browser;

import vn.motcua.tests.harness.StaffFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * Issue 15: a clerk does every counter action from {@code /counter} alone, in Chromium against the appliance as a
 * process. The test itself only takes tickets as a resident would (the kiosk's API) and reads {@code /api} to check
 * what each click really did; after each action it checks that the page shows exactly the actions possible now.
 */
class CounterPageBrowserTest {
    /** Only stops a hung test. */
    private static final Duration LIMIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    private ApplianceProcess app;
    private ChromeDriver lan;
    private ChromeDriver minh;
    private String base;

    @BeforeEach
    void start() throws Exception {
        app = new ApplianceProcess(dir, toml -> toml);
        StaffFile.write(app.dataDir(), StaffFile.LAN, new StaffFile.Account("minh", "2,3", "mat-khau-2"));
        app.start();
        base = app.get("/healthz").uri().resolve("/").toString();
    }

    @AfterEach
    void stop() throws Exception {
        for (ChromeDriver d : new ChromeDriver[] {lan, minh}) {
            if (d != null) {
                d.quit();
            }
        }
        app.close();
    }

    @Test
    void aClerkDoesEveryCounterActionFromThePageAndSeesOnlyWhatIsPossibleNow() throws Exception {
        for (int i = 0; i < 3; i++) {
            take("ho-tich"); // A001..A003, as residents at the kiosk
        }
        lan = Browsers.open(dir.resolve("chrome-lan"), 1280, 800);
        lan.get(base + "counter");
        Browsers.logIn(lan, "lan", "mat-khau-1", "desk");
        new Select(lan.findElement(By.id("counter"))).selectByVisibleText("1");
        expect(lan, "closed", List.of("open"));
        assertHidden(lan, "transfer", "rating", "parked-box", "no-show-box");

        // open
        click(lan, "[data-action=open]");
        expect(lan, "idle", List.of("call-next", "pause", "close"));
        assertEquals("lan", counter(1).path("staff").asText());
        assertTrue(text(lan, "[data-action=call-next]").contains("A001"), "call-next says whom it will call");
        assertTrue(enabled(lan, "[data-action=call-next]"));

        // call next
        click(lan, "[data-action=call-next]");
        expect(lan, "called", List.of("recall", "skip", "start", "finish", "park"));
        awaitTicket("A001", t -> is(t, "CALLED", 1));
        Browsers.waiting(lan, 60).until(ExpectedConditions.textToBe(By.id("current"), "A001"));
        assertTrue(lan.findElement(By.id("transfer")).isDisplayed(), "a called ticket can be transferred");

        // recall
        click(lan, "[data-action=recall]");
        awaitTicket("A001", t -> t.path("recalls").asInt() == 1);
        expect(lan, "called", List.of("recall", "skip", "start", "finish", "park"));

        // skip: A001 did not come; it waits aside, recallable from the page
        click(lan, "[data-action=skip]");
        awaitTicket("A001", t -> t.path("status").asText().equals("NO_SHOW"));
        expect(lan, "idle", List.of("call-next", "pause", "close"));
        Browsers.waiting(lan, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("no-show-box")));
        assertTrue(text(lan, "#no-shows").contains("A001") && text(lan, "#no-shows").contains("phút / "),
                "the no-show with the time left to recall it: " + text(lan, "#no-shows"));

        // recall no-show
        click(lan, "#no-shows [data-number=A001]");
        awaitTicket("A001", t -> is(t, "CALLED", 1));
        expect(lan, "called", List.of("recall", "skip", "start", "finish", "park"));
        assertHidden(lan, "no-show-box");

        // start
        click(lan, "[data-action=start]");
        awaitTicket("A001", t -> is(t, "SERVING", 1));
        expect(lan, "serving", List.of("finish", "park"));
        assertTrue(lan.findElement(By.id("transfer")).isDisplayed(), "a ticket being served can be transferred");

        // finish: the resident may rate now
        click(lan, "[data-action=finish]");
        awaitTicket("A001", t -> t.path("status").asText().equals("FINISHED"));
        expect(lan, "idle", List.of("call-next", "pause", "close"));
        Browsers.waiting(lan, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("rating")));
        assertEquals("A001", text(lan, "#rating-ticket"));
        assertEquals(List.of("Rất hài lòng / Very satisfied", "Hài lòng / Satisfied", "Bình thường / Neutral",
                "Không hài lòng / Not satisfied"), lan.findElements(By.cssSelector("#rating button")).stream()
                .map(b -> b.getText().replace('\n', ' ')).toList(), "labels, not bare numbers");
        Browsers.waiting(lan, 60).until(ExpectedConditions.textToBe(By.id("served"), "1"));

        // rate
        click(lan, "#rating [data-score='1']");
        Await.until(LIMIT, () -> outbox("ticket.rated") == 1, () -> "one rating recorded");
        Browsers.waiting(lan, 60).until(ExpectedConditions.invisibilityOfElementLocated(By.id("rating")));
        assertTrue(counter(1).path("rating_ticket").isNull(), "rated once, not again");

        // park: A002 goes to fetch a paper
        click(lan, "[data-action=call-next]");
        awaitTicket("A002", t -> is(t, "CALLED", 1));
        click(lan, "[data-action=park]");
        awaitTicket("A002", t -> t.path("status").asText().equals("PARKED"));
        expect(lan, "idle", List.of("call-next", "pause", "close"));
        Browsers.waiting(lan, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("parked-box")));
        assertTrue(text(lan, "#parked").contains("A002") && text(lan, "#parked").contains("Hộ tịch / Civil status"),
                text(lan, "#parked"));
        Browsers.screenshot(lan, "counter-parked-1280x800");

        // call parked
        click(lan, "#parked [data-number=A002]");
        awaitTicket("A002", t -> is(t, "CALLED", 1));
        expect(lan, "called", List.of("recall", "skip", "start", "finish", "park"));
        assertHidden(lan, "parked-box");

        // transfer to a service: A002 belongs to Land after all
        List<String> services = options(lan, "transfer-service");
        assertFalse(services.contains("Hộ tịch / Civil status"), "not to the service it is in: " + services);
        new Select(lan.findElement(By.id("transfer-service"))).selectByVisibleText("Đất đai / Land");
        click(lan, "[data-action=transfer-service]");
        awaitTicket("A002", t -> t.path("status").asText().equals("WAITING") && t.path("service").asText().equals("dat-dai"));
        expect(lan, "idle", List.of("call-next", "pause", "close"));

        // transfer to a counter: closed counters are listed as closed and refused; an opened one takes it
        click(lan, "[data-action=call-next]");
        awaitTicket("A003", t -> is(t, "CALLED", 1));
        Browsers.waiting(lan, 60).until(d -> options((ChromeDriver) d, "transfer-counter").contains("Quầy 4 — Đất đai · Đóng / Closed"));
        new Select(lan.findElement(By.id("transfer-counter"))).selectByValue("4");
        Browsers.waiting(lan, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-warning")));
        assertTrue(text(lan, "#transfer-warning").contains("Quầy 4 đang đóng")
                && text(lan, "#transfer-warning").contains("Counter 4 is closed"), text(lan, "#transfer-warning"));
        assertFalse(enabled(lan, "[data-action=transfer-counter]"), "no transfer to a closed counter");
        Browsers.screenshot(lan, "counter-transfer-1280x800");
        new Select(lan.findElement(By.id("transfer-counter"))).selectByValue("2");
        assertFalse(enabled(lan, "[data-action=transfer-counter]"), "counter 2 is closed too, for now");

        minh = Browsers.open(dir.resolve("chrome-minh"), 1280, 800);
        minh.get(base + "counter");
        Browsers.logIn(minh, "minh", "mat-khau-2", "desk");
        new Select(minh.findElement(By.id("counter"))).selectByVisibleText("2");
        expect(minh, "closed", List.of("open"));
        click(minh, "[data-action=open]");
        expect(minh, "idle", List.of("call-next", "pause", "close"));
        assertFalse(enabled(minh, "[data-action=call-next]"), "counter 2 serves ho-tich only: nobody waits for it yet");
        assertTrue(text(minh, "[data-action=call-next]").contains("Không còn ai chờ / Nobody waiting"));

        // one clerk, one counter: minh's page says where he already is instead of offering to open counter 3
        new Select(minh.findElement(By.id("counter"))).selectByVisibleText("3");
        expect(minh, "closed", List.of());
        assertTrue(text(minh, "#elsewhere").contains("Bạn đang mở quầy 2")
                && text(minh, "#elsewhere").contains("You already have counter 2 open"), text(minh, "#elsewhere"));
        click(minh, "#elsewhere button");
        expect(minh, "idle", List.of("call-next", "pause", "close"));
        assertEquals("2", new Select(minh.findElement(By.id("counter"))).getFirstSelectedOption().getText());

        // lan's page followed the live feed: counter 2 now open, the transfer offered
        Browsers.waiting(lan, 60).until(d -> options((ChromeDriver) d, "transfer-counter").contains("Quầy 2 — Hộ tịch · Đang mở / Open"));
        Browsers.waiting(lan, 60).until(ExpectedConditions.invisibilityOfElementLocated(By.id("transfer-warning")));
        click(lan, "[data-action=transfer-counter]");
        awaitTicket("A003", t -> t.path("status").asText().equals("WAITING") && t.path("target_counter").asInt() == 2);
        expect(lan, "idle", List.of("call-next", "pause", "close"));
        assertFalse(enabled(lan, "[data-action=call-next]"), "A002 went to Land, A003 to counter 2: nobody left for counter 1");
        // ... and minh's page, at once: A003 is his to call
        Browsers.waiting(minh, 60).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-action=call-next]"), "A003"));
        click(minh, "[data-action=call-next]");
        awaitTicket("A003", t -> is(t, "CALLED", 2));
        expect(minh, "called", List.of("recall", "skip", "start", "finish", "park"));

        // pause
        click(lan, "[data-action=pause]");
        expect(lan, "paused", List.of("open", "close"));
        assertEquals("PAUSED", counter(1).path("status").asText());
        assertEquals("Tiếp tục / Resume", text(lan, "[data-action=open]"));

        // close
        click(lan, "[data-action=close]");
        expect(lan, "closed", List.of("open"));
        assertEquals("CLOSED", counter(1).path("status").asText());
        assertHidden(lan, "transfer", "rating", "parked-box", "no-show-box", "elsewhere");
    }

    @Test
    void whatTheKeypadDoesShowsOnThePageAtOnce() throws Exception {
        take("ho-tich");
        take("ho-tich");
        lan = Browsers.open(dir.resolve("chrome-lan"), 1280, 800);
        lan.get(base + "counter");
        Browsers.logIn(lan, "lan", "mat-khau-1", "desk");
        new Select(lan.findElement(By.id("counter"))).selectByVisibleText("1");
        expect(lan, "closed", List.of("open"));
        // the clerk at counter 1 uses the keypad (the same bus bytes as a real board); the page keeps up by itself
        app.post("/sim/counters/1/press/PAUSE", null); // a closed counter opens with the pause key
        expect(lan, "idle", List.of("call-next", "pause", "close"));
        app.post("/sim/counters/1/press/CALL_NEXT", null);
        expect(lan, "called", List.of("recall", "skip", "start", "finish", "park"));
        Browsers.waiting(lan, 60).until(ExpectedConditions.textToBe(By.id("current"), "A001"));
        app.post("/sim/counters/1/press/SKIP", null);
        expect(lan, "idle", List.of("call-next", "pause", "close"));
        Browsers.waiting(lan, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("no-shows"), "A001"));
        app.post("/sim/counters/1/press/CALL_NEXT", null);
        app.post("/sim/counters/1/press/DONE", null);
        Browsers.waiting(lan, 60).until(ExpectedConditions.textToBe(By.id("rating-ticket"), "A002"));
        app.post("/sim/counters/1/press/RATE_2", null);
        Browsers.waiting(lan, 60).until(ExpectedConditions.invisibilityOfElementLocated(By.id("rating")));
        app.post("/sim/counters/1/press/PAUSE", null);
        expect(lan, "paused", List.of("open", "close"));
    }

    // ---- the page ----

    /** Waits until the page shows the counter in {@code state} with exactly {@code actions} among its action buttons. */
    private static void expect(ChromeDriver d, String state, List<String> actions) {
        try {
            Browsers.waiting(d, 60).until(x -> state.equals(x.findElement(By.id("desk")).getDomAttribute("data-state"))
                    && actions.equals(shown(d)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected state " + state + " with " + actions + ", page shows "
                    + d.findElement(By.id("desk")).getDomAttribute("data-state") + " with " + shown(d)
                    + "; error line: " + d.findElement(By.id("error")).getText(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> shown(ChromeDriver d) {
        return (List<String>) d.executeScript("return Array.prototype.filter.call(document.querySelectorAll('#actions button'),"
                + " function (b) { return b.offsetParent !== null; }).map(function (b) { return b.dataset.action; })");
    }

    private static void assertHidden(ChromeDriver d, String... ids) {
        for (String id : ids) {
            assertFalse(d.findElement(By.id(id)).isDisplayed(), id + " is not offered now");
        }
    }

    private static void click(ChromeDriver d, String css) {
        Browsers.click(d, By.cssSelector(css));
    }

    private static String text(ChromeDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }

    private static boolean enabled(ChromeDriver d, String css) {
        return d.findElement(By.cssSelector(css)).isEnabled();
    }

    private static List<String> options(ChromeDriver d, String id) {
        return new Select(d.findElement(By.id(id))).getOptions().stream().map(o -> o.getText()).toList();
    }

    // ---- the appliance, as a resident and as an observer ----

    private void take(String service) throws Exception {
        assertEquals(201, app.post("/api/tickets", "{\"service\":\"" + service + "\"}").statusCode());
    }

    private JsonNode ticket(String number) throws Exception {
        return EventJson.mapper().readTree(app.get("/api/tickets/" + number).body()).path("ticket");
    }

    private static boolean is(JsonNode t, String status, int counter) {
        return t.path("status").asText().equals(status) && t.path("counter").asInt() == counter;
    }

    private void awaitTicket(String number, Predicate<JsonNode> expected) throws InterruptedException {
        Await.until(LIMIT, () -> {
            try {
                return expected.test(ticket(number));
            } catch (Exception e) {
                return false;
            }
        }, () -> {
            try {
                return number + " as expected, is " + ticket(number);
            } catch (Exception e) {
                return number + ": " + e;
            }
        });
    }

    private JsonNode counter(int number) throws Exception {
        for (JsonNode c : EventJson.mapper().readTree(app.get("/api/queue").body()).path("counters")) {
            if (c.path("number").asInt() == number) {
                return c;
            }
        }
        throw new AssertionError("no counter " + number);
    }

    private long outbox(String type) {
        try {
            return EventJson.mapper().readTree(app.get("/api/outbox/counts").body()).path(type).asLong();
        } catch (Exception e) {
            return -1;
        }
    }
}
