package vn.motcua.tests.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;

/**
 * The benchmarks' client of one appliance's local listener: the JSON API (a refusal stops the benchmark) and a
 * screen's live feed read to its end as a browser would.
 */
final class ApplianceHttp {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    /** @param base {@code http://127.0.0.1:<port>} */
    ApplianceHttp(String base) {
        this.base = base;
    }

    JsonNode get(String path) throws Exception {
        return post(path, null);
    }

    /** A POST with {@code json}, or a GET when it is null; a refusal stops the benchmark. */
    JsonNode post(String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        b = json == null ? b.GET() : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " " + json + " answered " + r.statusCode() + ": " + r.body());
        }
        return EventJson.mapper().readTree(r.body());
    }

    /** A screen: reads {@code path}'s event stream to its end, counting its frames, until the appliance stops. */
    void readToEnd(String path, AtomicLong frames) {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] buf = new byte[65536];
                int got;
                while ((got = in.read(buf)) >= 0) {
                    for (int i = 0; i < got - 1; i++) {
                        if (buf[i] == '\n' && buf[i + 1] == '\n') {
                            frames.incrementAndGet();
                        }
                    }
                }
            }
        } catch (Exception stopped) {
            // the benchmark ended or the appliance stopped: the screen goes away
        }
    }
}
