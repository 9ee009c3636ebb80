package vn.motcua.appliance.uplink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A short-lived MQTT 5 connection used once at start-up, before the uplink proper exists (the queue it serves is
 * not built until the restore is done): asks the district for this device's events, one page per request, each
 * with its own response topic and correlation data, each answered within the timeout or not at all.
 */
public final class RestoreClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestoreClient.class);

    /** The district could not be asked, or did not answer in time: the restore did not happen. */
    public static final class Unanswered extends Exception {
        public Unanswered(String reason) {
            super(reason);
        }
    }

    private final MqttAsyncClient client;
    private final Topics topics;
    private final Duration timeout;
    private final Map<String, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();

    private RestoreClient(MqttAsyncClient client, Topics topics, Duration timeout) {
        this.client = client;
        this.topics = topics;
        this.timeout = timeout;
    }

    /** Connects and subscribes to the response topic, within {@code timeout}. */
    public static RestoreClient connect(UplinkConfig cfg, Duration timeout) throws Unanswered {
        MqttAsyncClient c = null;
        try {
            c = new MqttAsyncClient(cfg.brokerUri().toString(),
                    "motcua-" + cfg.district() + "-" + cfg.office() + "-" + cfg.device() + "-restore", new MemoryPersistence());
            RestoreClient rc = new RestoreClient(c, cfg.topics(), timeout);
            c.setCallback(rc.callback());
            c.connect(ConnectOptions.of(cfg, UplinkSecrets.load(cfg.secretsFile()), null, null))
                    .waitForCompletion(timeout.toMillis());
            IMqttToken sub = c.subscribe(rc.topics.restoreResponse(), 1);
            sub.waitForCompletion(timeout.toMillis());
            int[] granted = sub.getReasonCodes();
            if (granted != null && granted.length > 0 && granted[0] >= 0x80) {
                // without it no answer could ever arrive: say so instead of waiting out the timeout
                closeQuietly(c);
                throw new Unanswered("the broker refused the subscription to " + rc.topics.restoreResponse()
                        + " (reason 0x" + Integer.toHexString(granted[0]) + "; the office's ACL?)");
            }
            return rc;
        } catch (MqttException | IOException | GeneralSecurityException | RuntimeException e) {
            closeQuietly(c);
            throw new Unanswered("cannot reach the district broker: " + Sanitize.forLog(e.toString(), 200));
        }
    }

    /** Sends one request and waits for its answer's payload. */
    public byte[] ask(byte[] request) throws Unanswered, InterruptedException {
        UUID id = UUID.randomUUID();
        byte[] correlation = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
        String key = HexFormat.of().formatHex(correlation);
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        pending.put(key, answer);
        try {
            MqttMessage m = new MqttMessage(request);
            m.setQos(1);
            MqttProperties p = new MqttProperties();
            p.setContentType("application/json");
            p.setPayloadFormat(true);
            p.setResponseTopic(topics.restoreResponse());
            p.setCorrelationData(correlation);
            p.setMessageExpiryInterval(Math.max(1, timeout.toSeconds()));
            m.setProperties(p);
            client.publish(topics.restoreRequest(), m);
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unanswered("the district did not answer within " + timeout.toSeconds() + " s");
        } catch (MqttException | ExecutionException e) {
            throw new Unanswered("asking the district failed: " + Sanitize.forLog(e.toString(), 200));
        } finally {
            pending.remove(key);
        }
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override public void disconnected(MqttDisconnectResponse r) {
                pending.values().forEach(f -> f.completeExceptionally(new IOException("connection to the broker lost")));
            }

            @Override public void mqttErrorOccurred(MqttException e) {}

            @Override public void messageArrived(String topic, MqttMessage m) {
                byte[] corr = m.getProperties() == null ? null : m.getProperties().getCorrelationData();
                CompletableFuture<byte[]> f = corr == null ? null : pending.get(HexFormat.of().formatHex(corr));
                if (f == null) {
                    log.info("dropping a restore answer with unknown or late correlation data");
                } else {
                    f.complete(m.getPayload());
                }
            }

            @Override public void deliveryComplete(IMqttToken token) {}

            @Override public void connectComplete(boolean reconnect, String serverUri) {}

            @Override public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        };
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            log.debug("closing the restore connection: {}", e.toString());
        }
        closeQuietly(client);
    }

    private static void closeQuietly(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            log.debug("closing the restore client: {}", e.toString());
        }
    }
}
