package vn.motcua.appliance.uplink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.appliance.store.OutboxEvent;

/**
 * The Paho MQTT v5 adapter: one {@link MqttAsyncClient}, no automatic reconnect (the
 * {@link LinkSupervisor} owns that, on the appliance scheduler) and only in-memory Paho persistence
 * because the H2 outbox is the durable buffer; QoS 1 messages that Paho held when the process
 * died are resent from the outbox. Paho runs its socket threads itself; every callback is handed
 * on at once and never blocks them.
 */
public final class PahoLink implements EventSender {
    private static final Logger log = LoggerFactory.getLogger(PahoLink.class);

    private final MqttAsyncClient client;
    private final Topics topics;

    /**
     * @param onMessage called on Paho's thread for each inbound message (must hand off quickly)
     * @param onLost    called on Paho's thread when an established connection drops, with the reason
     */
    public PahoLink(String brokerUri, String clientId, Topics topics,
                    BiConsumer<String, MqttMessage> onMessage, Consumer<String> onLost) throws MqttException {
        this.topics = topics;
        this.client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override public void disconnected(MqttDisconnectResponse r) {
                onLost.accept(r == null ? "disconnected" : String.valueOf(r.getReasonString() != null
                        ? r.getReasonString() : r.getException() != null ? r.getException().getMessage() : "rc " + r.getReturnCode()));
            }

            @Override public void mqttErrorOccurred(MqttException e) {
                log.debug("MQTT protocol error: {}", e.toString());
            }

            @Override public void messageArrived(String topic, MqttMessage message) {
                try {
                    onMessage.accept(topic, message);
                } catch (RuntimeException e) {
                    // An exception here would make Paho drop the connection; never let one through.
                    log.error("inbound handler failed on {}", Sanitize.forLog(topic, 120), e);
                }
            }

            @Override public void deliveryComplete(IMqttToken token) {}

            @Override public void connectComplete(boolean reconnect, String serverUri) {}

            @Override public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    }

    private volatile int receiveMaximum = 65_535;

    public MqttAsyncClient client() { return client; }

    /** The CONNACK of a new session arrived: keeps what the broker said about its receive maximum. */
    void connectAccepted(IMqttToken token) {
        MqttProperties p = token == null ? null : token.getResponseProperties();
        Integer rm = p == null ? null : p.getReceiveMaximum();
        receiveMaximum = rm == null || rm < 1 ? 65_535 : rm;
    }

    @Override
    public int receiveMaximum() {
        return receiveMaximum;
    }

    public boolean isConnected() { return client.isConnected(); }

    @Override
    public boolean send(OutboxEvent event, boolean replayed, Completion done) {
        MqttMessage m = new MqttMessage(EventMessages.encode(event, replayed));
        m.setQos(1);
        MqttProperties p = jsonProperties();
        p.setUserProperties(List.of(new UserProperty("id", event.eventId()), new UserProperty("seq", Long.toString(event.seq()))));
        m.setProperties(p);
        return publish(topics.event(event.type()), m, done);
    }

    /** Publishes a non-event message; returns false if the client could not take it now. */
    public boolean publish(String topic, byte[] payload, int qos, boolean retained, Long expirySeconds,
                           MqttProperties extra, Completion done) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        MqttProperties p = extra == null ? jsonProperties() : extra;
        p.setContentType("application/json");
        p.setPayloadFormat(true);
        if (expirySeconds != null) {
            p.setMessageExpiryInterval(expirySeconds);
        }
        m.setProperties(p);
        return publish(topic, m, done);
    }

    private boolean publish(String topic, MqttMessage m, Completion done) {
        if (!client.isConnected()) {
            return false;
        }
        try {
            client.publish(topic, m, null, new MqttActionListener() {
                @Override public void onSuccess(IMqttToken token) {
                    int[] rc = token.getReasonCodes();
                    if (rc != null && rc.length > 0 && rc[0] >= 0x80) {
                        done.failed("broker refused publish, reason code 0x" + Integer.toHexString(rc[0]));
                    } else {
                        done.acked();
                    }
                }

                @Override public void onFailure(IMqttToken token, Throwable e) {
                    done.failed(e == null ? "publish failed" : e.toString());
                }
            });
            return true;
        } catch (MqttException e) {
            // Window full or link just dropped: the caller retries from the outbox; not an error.
            log.debug("publish to {} not taken: {}", topic, e.getReasonCode());
            return false;
        }
    }

    private static MqttProperties jsonProperties() {
        MqttProperties p = new MqttProperties();
        p.setContentType("application/json");
        p.setPayloadFormat(true);
        return p;
    }

    static String text(MqttMessage m) {
        return new String(m.getPayload(), StandardCharsets.UTF_8);
    }
}
