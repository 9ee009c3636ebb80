package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

class DossierLookupTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryDossierCache cache = new InMemoryDossierCache(100);
    private final List<MqttProperties> requests = new ArrayList<>();
    private boolean linkUp = true;
    /**
     * Tests that answer do so from this thread right after asking: a long timeout, so a loaded machine pausing this
     * thread can never let the timeout win that race. The timeout itself is tested with a short one.
     */
    private final DossierLookup lookup = lookupTimingOutAfter(Duration.ofSeconds(30));

    private DossierLookup lookupTimingOutAfter(Duration timeout) {
        return new DossierLookup((body, props, expiry) -> {
            if (linkUp) {
                requests.add(props);
            }
            return linkUp;
        }, "motcua/v1/d/o/k/dossier/response", cache, scheduler, clock, timeout);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private void answer(MqttProperties request, String json) {
        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        MqttProperties p = new MqttProperties();
        p.setCorrelationData(request.getCorrelationData());
        m.setProperties(p);
        lookup.answerArrived(m);
    }

    @Test
    void theServerAnswersAndTheAnswerIsCachedWithItsTime() throws Exception {
        var f = lookup.lookup("HS-2026-001234");
        assertEquals("motcua/v1/d/o/k/dossier/response", requests.getFirst().getResponseTopic());
        assertEquals(16, requests.getFirst().getCorrelationData().length);
        answer(requests.getFirst(), "{\"v\":1,\"code\":\"HS-2026-001234\",\"status\":\"in_progress\","
                + "\"department\":\"Phòng Tài nguyên và Môi trường\",\"dueDate\":\"2026-12-01\"}");
        DossierLookupResult a = f.get(1, TimeUnit.SECONDS);
        assertEquals(DossierLookupResult.Source.FRESH, a.source());
        assertEquals(Dossier.Status.IN_PROGRESS, a.dossier().status());
        assertEquals(LocalDate.parse("2026-12-01"), a.dossier().dueDate());
        assertTrue(cache.get("HS-2026-001234").isPresent());
    }

    @Test
    void withTheLinkDownTheCachedAnswerIsShownWithItsAgeAtOnce() throws Exception {
        cache.put(new Dossier("HS-1", Dossier.Status.READY_FOR_PICKUP, null, null, null), clock.instant());
        clock.advance(Duration.ofHours(3));
        linkUp = false;
        DossierLookupResult a = lookup.lookup("HS-1").get(0, TimeUnit.SECONDS);
        assertEquals(DossierLookupResult.Source.CACHED, a.source());
        assertEquals(Duration.ofHours(3), a.age());
    }

    @Test
    void noAnswerAndNothingCachedGivesTheAskAtTheCounterMessageAfterTheTimeout() throws Exception {
        DossierLookupResult a = lookupTimingOutAfter(Duration.ofMillis(300)).lookup("HS-9999").get(30, TimeUnit.SECONDS);
        assertEquals(DossierLookupResult.Source.UNAVAILABLE, a.source());
        assertEquals("Cannot reach the district server, please ask at the counter.", a.messageEn());
    }

    @Test
    void aBadAnswerIsRefusedAndTheResidentGetsTheFallbackNotAnError() throws Exception {
        String[] bad = {
            "{\"v\":1,\"code\":\"HS-OTHER\",\"status\":\"received\"}",
            "{\"v\":1,\"code\":\"HS-2\",\"status\":\"teleported\"}",
            "{\"v\":1,\"code\":\"HS-2\",\"status\":\"in_progress\"}",
            "{\"v\":1,\"code\":\"HS-2\",\"status\":\"received\",\"dueDate\":\"soon\"}",
            "{\"v\":1,\"code\":\"HS-2\",\"status\":\"received\",\"note\":\"" + "x".repeat(9000) + "\"}",
            "garbage",
        };
        for (String b : bad) {
            requests.clear();
            var f = lookup.lookup("HS-2");
            answer(requests.getFirst(), b);
            assertEquals(DossierLookupResult.Source.UNAVAILABLE, f.get(1, TimeUnit.SECONDS).source(), b);
        }
        assertFalse(cache.get("HS-2").isPresent(), "nothing refused reaches the cache");
        assertEquals(bad.length, lookup.refusedCount());
    }

    @Test
    void aScannedTextThatIsNotASlipCodeIsNotSent() throws Exception {
        assertEquals(DossierLookupResult.Source.INVALID_CODE, lookup.lookup("012345678901; DROP").get(0, TimeUnit.SECONDS).source());
        assertEquals(DossierLookupResult.Source.INVALID_CODE, lookup.lookup("a/#").get(0, TimeUnit.SECONDS).source());
        assertTrue(requests.isEmpty());
    }

    @Test
    void anAnswerWithUnknownCorrelationIsDropped() {
        MqttProperties p = new MqttProperties();
        p.setCorrelationData(new byte[16]);
        answer(p, "{\"v\":1,\"code\":\"HS-1\",\"status\":\"received\"}");
        assertEquals(1, lookup.refusedCount());
        assertFalse(cache.get("HS-1").isPresent());
    }
}
