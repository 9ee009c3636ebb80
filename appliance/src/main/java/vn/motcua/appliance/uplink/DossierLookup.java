package vn.motcua.appliance.uplink;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dossier lookup as MQTT 5 request/response: the request carries a response topic and random
 * correlation data and expires after the timeout; the answer is validated and cached. The future
 * always completes within the timeout: with the fresh answer, else the cached one and its age, else
 * the "please ask at the counter" message. It never completes exceptionally.
 */
public final class DossierLookup {
    private static final Logger log = LoggerFactory.getLogger(DossierLookup.class);
    private static final int MAX_PENDING = 64;

    /** Publishes a QoS 1 request; returns false if the link cannot take it now. */
    public interface RequestSender {
        boolean send(byte[] body, MqttProperties props, long expirySeconds);
    }

    private record Pending(String code, CompletableFuture<DossierLookupResult> future) {}

    private final RequestSender sender;
    private final String responseTopic;
    private final DossierCache cache;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    public DossierLookup(RequestSender sender, String responseTopic, DossierCache cache,
                         ScheduledExecutorService scheduler, Clock clock, Duration timeout) {
        this.sender = sender;
        this.responseTopic = responseTopic;
        this.cache = cache;
        this.scheduler = scheduler;
        this.clock = clock;
        this.timeout = timeout;
    }

    public CompletableFuture<DossierLookupResult> lookup(String slipCode) {
        if (!DossierWire.isSlipCode(slipCode)) {
            return CompletableFuture.completedFuture(DossierLookupResult.invalidCode());
        }
        if (pending.size() >= MAX_PENDING) {
            log.info("too many lookups waiting; answering {} from cache", Sanitize.slipCode(slipCode));
            return CompletableFuture.completedFuture(fallback(slipCode));
        }
        UUID id = UUID.randomUUID();
        byte[] correlation = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
        String key = HexFormat.of().formatHex(correlation);
        Pending p = new Pending(slipCode, new CompletableFuture<>());
        pending.put(key, p);
        MqttProperties props = new MqttProperties();
        props.setResponseTopic(responseTopic);
        props.setCorrelationData(correlation);
        long expiry = Math.max(1, timeout.toSeconds());
        if (!sender.send(DossierWire.request(slipCode), props, expiry)) {
            pending.remove(key);
            return CompletableFuture.completedFuture(fallback(slipCode));
        }
        scheduler.schedule(() -> expire(key), timeout.toMillis(), TimeUnit.MILLISECONDS);
        return p.future();
    }

    /** An inbound message on the response topic (any thread). */
    public void answerArrived(MqttMessage m) {
        byte[] corr = m.getProperties() == null ? null : m.getProperties().getCorrelationData();
        Pending p = corr == null || corr.length != 16 ? null : pending.remove(HexFormat.of().formatHex(corr));
        if (p == null) {
            refused.incrementAndGet();
            log.info("dropping a dossier answer with unknown or late correlation data");
            return;
        }
        try {
            Dossier d = DossierWire.parseAnswer(m.getPayload(), p.code());
            cache.put(d, clock.instant());
            p.future().complete(DossierLookupResult.fresh(d));
        } catch (BadMessageException e) {
            refused.incrementAndGet();
            log.warn("refused dossier answer for {}: {}", Sanitize.slipCode(p.code()), Sanitize.forLog(e.getMessage(), 200));
            p.future().complete(fallback(p.code()));
        }
    }

    public long refusedCount() { return refused.get(); }

    private void expire(String key) {
        Pending p = pending.remove(key);
        if (p != null) {
            log.info("dossier lookup {} timed out after {} ms", Sanitize.slipCode(p.code()), timeout.toMillis());
            p.future().complete(fallback(p.code()));
        }
    }

    private DossierLookupResult fallback(String code) {
        try {
            return cache.get(code)
                    .map(e -> DossierLookupResult.cached(e.dossier(), Duration.between(e.fetchedAt(), clock.instant())))
                    .orElseGet(DossierLookupResult::unavailable);
        } catch (RuntimeException e) {
            log.warn("dossier cache read failed", e);
            return DossierLookupResult.unavailable();
        }
    }
}
