package vn.motcua.tests.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import vn.motcua.appliance.uplink.DossierWire;

/**
 * Stand-in for the district server (tests and demo): subscribes to contract v1 for every office,
 * records events per device (deduplicated by id, checked for order and gaps), answers dossier
 * lookups from {@link DossierFixture} and restore requests from the events it holds, sends receipts for the replayed
 * events it took in (TOPICS.md, "Receipts") and sends configs and commands. Uses a persistent session
 * so nothing published while it reconnects is lost, as the real server must.
 */
public final class DistrictServer implements AutoCloseable {
    /** How the stand-in answers lookups, to test the appliance against a misbehaving server. */
    public enum LookupMode { ANSWER, SILENT, MALFORMED, OVERSIZED }

    /** How the stand-in answers restore requests. */
    public enum RestoreMode { ANSWER, SILENT }

    /** Most events in one restore page, whatever the device asks for (TOPICS.md). */
    public static final int RESTORE_PAGE_MAX = 500;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bound on a connect, subscribe or publish: only stops a hung test (TLS on a loaded CI machine can be slow). */
    private static final long LIMIT_MS = 60_000;
    private static final String[] FILTERS = {"motcua/v1/+/+/+/event/#", "motcua/v1/+/+/+/status", "motcua/v1/+/+/+/status/storage",
        "motcua/v1/+/+/+/dossier/request", "motcua/v1/+/+/+/restore/request", "motcua/v1/+/+/+/config/ack", "motcua/v1/+/+/+/cmd-ack",
        "motcua/v1/+/+/+/telemetry", "motcua/v1/+/+/+/queue"};

    private final MqttAsyncClient client;
    private final Map<String, ReceivedEvents> events = new ConcurrentHashMap<>();
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final List<String> commandAcks = new CopyOnWriteArrayList<>();
    private final List<String> lookupsSeen = new CopyOnWriteArrayList<>();
    private final List<Long> lookupExpiries = new CopyOnWriteArrayList<>();
    private volatile LookupMode lookupMode = LookupMode.ANSWER;
    private volatile RestoreMode restoreMode = RestoreMode.ANSWER;
    private final List<String> restoreRequests = new CopyOnWriteArrayList<>();
    private volatile java.util.function.BiConsumer<String, ReceivedEvents.Event> eventHook = (d, e) -> {};
    /** Per device: the last replayed seq taken in and how many since its last receipt (TOPICS.md, "Receipts"). */
    private final Map<String, long[]> receipts = new ConcurrentHashMap<>();
    private volatile boolean sendsReceipts = true;
    private final java.util.concurrent.ScheduledExecutorService receiptTimer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "district-receipts");
                t.setDaemon(true);
                return t;
            });

    public DistrictServer(String uri, SSLSocketFactory tls, String user, String password) throws MqttException {
        client = new MqttAsyncClient(uri, "district-server-standin", new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override public void disconnected(MqttDisconnectResponse r) {}

            @Override public void mqttErrorOccurred(MqttException e) {}

            @Override public void messageArrived(String topic, MqttMessage m) {
                onMessage(topic, m);
            }

            @Override public void deliveryComplete(IMqttToken t) {}

            @Override public void connectComplete(boolean reconnect, String uri) {
                if (reconnect) {
                    subscribe(false); // harmless if the session kept them; needed if the broker lost it
                }
            }

            @Override public void authPacketArrived(int rc, MqttProperties p) {}
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(86_400L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        o.setKeepAliveInterval(5);
        o.setUserName(user);
        o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        o.setSocketFactory(tls);
        client.connect(o).waitForCompletion(LIMIT_MS);
        subscribe(true);
        receiptTimer.scheduleWithFixedDelay(() -> receipts.keySet().forEach(d -> receipt(d, 1)), 50, 50,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Whether this district sends receipts (a district built before they were in the contract does not). */
    public void sendsReceipts(boolean on) { sendsReceipts = on; }

    /** A replayed event taken in: counted, and a receipt sent once {@code every} are waiting for one. */
    private void tookIn(String device, long seq) {
        long[] r = receipts.computeIfAbsent(device, d -> new long[2]);
        synchronized (r) {
            r[0] = seq;
            r[1]++;
        }
        receipt(device, 8);
    }

    /** Publishes {@code device}'s receipt if at least {@code every} replayed events came since its last (QoS 0: no wait). */
    private void receipt(String device, int every) {
        long[] r = receipts.get(device);
        if (r == null || !sendsReceipts) {
            return;
        }
        long seq;
        synchronized (r) {
            if (r[1] < every) {
                return;
            }
            seq = r[0];
            r[1] = 0;
        }
        try {
            MqttMessage m = new MqttMessage(("{\"v\":1,\"replayedSeq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
            m.setQos(0);
            client.publish("motcua/v1/" + device + "/receipt", m);
        } catch (MqttException e) {
            latest.put("error/receipt/" + device, e.toString()); // the next receipt makes up for it
        }
    }

    /** Never waits when called from a Paho callback: that would block Paho's callback thread. */
    private void subscribe(boolean wait) {
        try {
            int[] qos = new int[FILTERS.length];
            java.util.Arrays.fill(qos, 1);
            IMqttToken t = client.subscribe(FILTERS, qos);
            if (wait) {
                t.waitForCompletion(LIMIT_MS);
            }
        } catch (MqttException e) {
            throw new IllegalStateException("stand-in cannot subscribe", e);
        }
    }

    private void onMessage(String topic, MqttMessage m) {
        String[] level = topic.split("/");
        String device = level[2] + "/" + level[3] + "/" + level[4];
        String kind = level.length > 5 ? level[5] : "";
        String body = new String(m.getPayload(), StandardCharsets.UTF_8);
        try {
            switch (kind) {
                case "event" -> {
                    JsonNode n = JSON.readTree(m.getPayload());
                    var e = new ReceivedEvents.Event(n.get("seq").asLong(), n.get("id").asText(), n.get("type").asText(),
                            n.get("replayed").asBoolean(), body);
                    eventHook.accept(device, e);
                    events.computeIfAbsent(device, d -> new ReceivedEvents()).add(e);
                    if (e.replayed()) {
                        tookIn(device, e.seq());
                    }
                }
                case "dossier" -> answer(m);
                case "restore" -> restore(device, level[4], m);
                case "cmd-ack" -> commandAcks.add(body);
                default -> latest.put(topic, body);
            }
        } catch (Exception e) {
            latest.put("error/" + topic, e.toString());
        }
    }

    private void answer(MqttMessage request) throws Exception {
        String code = JSON.readTree(request.getPayload()).get("code").asText();
        lookupsSeen.add(code);
        MqttProperties rq = request.getProperties();
        lookupExpiries.add(rq.getMessageExpiryInterval());
        byte[] body = switch (lookupMode) {
            case SILENT -> null;
            case ANSWER -> DossierWire.answer(DossierFixture.lookup(code));
            case MALFORMED -> ("{\"v\":1,\"code\":\"" + code + "\",\"status\":\"in_progress\"}").getBytes(StandardCharsets.UTF_8);
            case OVERSIZED -> ("{\"v\":1,\"code\":\"" + code + "\",\"status\":\"received\",\"note\":\""
                    + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        };
        if (body != null && rq.getResponseTopic() != null) {
            reply(rq, body);
        }
    }

    /** An MQTT 5 answer: to the request's response topic, with its correlation data, expiring in 30 s. */
    private void reply(MqttProperties request, byte[] body) throws MqttException {
        MqttMessage reply = new MqttMessage(body);
        reply.setQos(1);
        MqttProperties p = new MqttProperties();
        p.setCorrelationData(request.getCorrelationData());
        p.setMessageExpiryInterval(30L);
        reply.setProperties(p);
        client.publish(request.getResponseTopic(), reply);
    }

    /**
     * Serves a device its own events back (TOPICS.md, "Restore from the district"): one page per request, the events
     * as the device published them, from {@code fromSeq} (or from its last {@code queue.day_started} at or above
     * it, when asked {@code fromDayStart}), at most {@code limit} of them, gapless; {@code complete} when none
     * is held above the page.
     */
    private void restore(String device, String deviceId, MqttMessage request) throws Exception {
        JsonNode q = JSON.readTree(request.getPayload());
        restoreRequests.add(device + " " + q);
        MqttProperties rq = request.getProperties();
        if (restoreMode == RestoreMode.SILENT || rq.getResponseTopic() == null) {
            return;
        }
        long fromSeq = q.path("fromSeq").asLong(1);
        int limit = Math.max(1, Math.min(RESTORE_PAGE_MAX, q.path("limit").asInt(RESTORE_PAGE_MAX)));
        List<ReceivedEvents.Event> held = events(device).inSeqOrder();
        long from = fromSeq;
        if (q.path("fromDayStart").asBoolean()) {
            for (ReceivedEvents.Event e : held) {
                if (e.seq() >= fromSeq && e.type().equals("queue.day_started")) {
                    from = e.seq();
                }
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode page = JSON.createObjectNode().put("v", 1).put("device", deviceId)
                .put("from", from);
        com.fasterxml.jackson.databind.node.ArrayNode list = page.putArray("events");
        long next = from;
        boolean more = false;
        for (ReceivedEvents.Event e : held) {
            if (e.seq() < from) {
                continue;
            }
            if (e.seq() != next || list.size() == limit) {
                more = true; // a gap the district holds, or the page is full: the device asks again from next
                break;
            }
            list.add(JSON.readTree(e.json()));
            next++;
        }
        if (more && list.isEmpty()) {
            page = JSON.createObjectNode().put("v", 1).put("error", "no event held at seq " + from);
        } else {
            page.put("last", next - 1).put("complete", !more);
        }
        reply(rq, JSON.writeValueAsBytes(page));
    }

    public void restoreMode(RestoreMode mode) { restoreMode = mode; }

    /** Every restore request received: {@code district/office/device} and the request body. */
    public List<String> restoreRequests() { return new ArrayList<>(restoreRequests); }

    public void lookupMode(LookupMode mode) { lookupMode = mode; }

    /** Called on arrival of every event (before dedup), e.g. to time delivery in benchmarks. */
    public void onEvent(java.util.function.BiConsumer<String, ReceivedEvents.Event> hook) { eventHook = hook; }

    /** Retained config for one appliance ({@code device} = district/office/device). */
    public void publishConfig(String device, String json) throws MqttException {
        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(true);
        client.publish("motcua/v1/" + device + "/config", m).waitForCompletion(LIMIT_MS);
    }

    /** The office's bookings of one day, retained on {@code bookings/{day}} as the district's booking service publishes them. */
    public void publishBookings(String device, String day, String json) throws MqttException {
        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(true);
        client.publish("motcua/v1/" + device + "/bookings/" + day, m).waitForCompletion(LIMIT_MS);
    }

    /**
     * A command as a district server sends one (TOPICS.md, "Commands"): the office uses a clean session, so a command
     * published before it has subscribed is dropped by the broker; it is resent every {@code resendEvery} until the
     * office's {@code cmd-ack} for its id comes back (the office drops repeats by id), at most until {@code limit}.
     * Returns the ack. Why not "when it comes online": a test's office may be online and not yet subscribed.
     */
    public String commandUntilAcked(String device, String name, String id, String json, long expirySeconds,
                                    Duration resendEvery, Duration limit) throws MqttException, InterruptedException {
        String needle = "\"id\":\"" + id + "\"";
        long deadline = System.nanoTime() + limit.toNanos();
        int sent = 0;
        while (System.nanoTime() < deadline) {
            sendCommand(device, name, json, expirySeconds);
            sent++;
            long resendAt = System.nanoTime() + resendEvery.toNanos();
            while (System.nanoTime() < Math.min(resendAt, deadline)) {
                for (String ack : commandAcks) {
                    if (ack.contains(needle)) {
                        return ack;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no cmd-ack for command " + id + " after " + sent + " sends in " + limit
                + "; acks seen: " + commandAcks);
    }

    /** A command with an MQTT 5 message expiry, sent once (a test of what the office does with it as sent). */
    public void sendCommand(String device, String name, String json, long expirySeconds) throws MqttException {
        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        MqttProperties p = new MqttProperties();
        p.setMessageExpiryInterval(expirySeconds);
        m.setProperties(p);
        client.publish("motcua/v1/" + device + "/cmd/" + name, m).waitForCompletion(LIMIT_MS);
    }

    /**
     * Drops what was received from {@code device} so far: for a test class whose methods each start a fresh
     * appliance (seq from 1 again) under the same device id against one district.
     */
    public void forget(String device) {
        events.remove(device);
    }

    /**
     * Makes {@code held} all the district holds of {@code device}: for a test that starts many appliances from copies
     * of one data folder, each against the district as it was when the copy was made.
     */
    public void replace(String device, List<ReceivedEvents.Event> held) {
        ReceivedEvents fresh = new ReceivedEvents();
        held.forEach(fresh::add);
        events.put(device, fresh);
    }

    public ReceivedEvents events(String device) {
        return events.computeIfAbsent(device, d -> new ReceivedEvents());
    }

    /** Last payload seen on a non-event topic, e.g. {@code motcua/v1/d/o/k/status}. */
    public String latest(String topic) { return latest.get(topic); }

    public List<String> commandAcks() { return new ArrayList<>(commandAcks); }

    public List<String> lookupsSeen() { return new ArrayList<>(lookupsSeen); }

    /** The MQTT 5 message expiry (s) each lookup request arrived with (the broker counts it down). */
    public List<Long> lookupExpiries() { return new ArrayList<>(lookupExpiries); }

    @Override
    public void close() throws MqttException {
        receiptTimer.shutdownNow();
        try {
            client.disconnect().waitForCompletion(2_000);
        } catch (MqttException ignored) {
            // already gone
        }
        client.close(true);
    }
}
