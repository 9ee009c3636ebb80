package vn.motcua.appliance.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.LanKeystore;
import vn.motcua.appliance.web.lan.NamespaceCurl;
import vn.motcua.appliance.web.lan.AnotherHost;

/**
 * The reports reach a manager at a counter PC as {@code /manager} does: over HTTPS on the LAN listener, the page to
 * anyone (it holds the login form), its data and charts to a manager's session only.
 */
class ReportsLanTest {
    /** Another host of the LAN: a network namespace the test makes. */
    @RegisterExtension
    static final AnotherHost HOST = new AnotherHost(1);
    @TempDir
    Path dir;

    @Test
    void aManagerReadsTheReportsOverTheLanListener() throws Exception {
        try (Appliance appliance = LanKeystore.applianceWithLan(dir, HOST.ns().host(), e -> e, java.time.Clock.systemUTC())) {
            NamespaceCurl https = new NamespaceCurl(HOST.ns(), dir.resolve("web-tls.crt"), dir.resolve("curl")); // another host
            String lan = "https://" + HOST.ns().host() + ":" + appliance.lanPort().orElseThrow();
            appliance.queue().execute(e -> e.issueTicket("ho-tich", vn.motcua.appliance.domain.Priority.NORMAL, null));

            HttpResponse<String> page = get(https, lan + "/manager/reports", null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("/assets/reports.js"), page.body());
            assertEquals(200, get(https, lan + "/assets/reports.js", null).statusCode());
            assertEquals(200, get(https, lan + "/assets/reports.css", null).statusCode());
            assertEquals(403, get(https, lan + "/manager/reports/data?period=day", null).statusCode());

            HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(lan + "/counter/login"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"chi\",\"password\":\"quan-ly-9\"}")).build());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("set-cookie").orElseThrow();
            cookie = cookie.substring(0, cookie.indexOf(';'));

            HttpResponse<String> data = get(https, lan + "/manager/reports/data?period=day", cookie);
            assertEquals(200, data.statusCode(), data.body());
            JsonNode d = EventJson.mapper().readTree(data.body());
            assertEquals(1, d.at("/total/issued").asInt(), "today's ticket, live: " + d);
            assertEquals("Hộ tịch", d.at("/rows/0/label_vi").asText());
            HttpResponse<String> chart = get(https, lan + "/manager/reports/chart.svg?kind=heatmap&period=day", cookie);
            assertEquals(200, chart.statusCode());
            assertTrue(chart.body().startsWith("<svg") && chart.body().contains("role=\"img\""), chart.body());
        }
    }

    private static HttpResponse<String> get(NamespaceCurl client, String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return client.send(b.build());
    }
}
