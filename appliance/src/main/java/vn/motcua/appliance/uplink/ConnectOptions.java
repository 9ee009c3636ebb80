package vn.motcua.appliance.uplink;

import java.io.IOException;
import java.security.GeneralSecurityException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** How this appliance connects to the district broker (clean session, TLS, password): one place for every client. */
final class ConnectOptions {
    private ConnectOptions() {}

    /** @param will the last will, or null for a short-lived client that has no availability to announce */
    static MqttConnectionOptions of(UplinkConfig cfg, UplinkSecrets secrets, String willTopic, MqttMessage will)
            throws IOException, GeneralSecurityException {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval((int) cfg.keepAlive().toSeconds());
        o.setConnectionTimeout((int) cfg.connectTimeout().toSeconds());
        if (will != null) {
            o.setWill(willTopic, will);
        }
        if (cfg.username() != null) {
            o.setUserName(cfg.username());
            o.setPassword(secrets.mqttPasswordBytes());
        }
        if (cfg.caFile() != null) {
            o.setSocketFactory(TlsContexts.socketFactory(cfg.caFile(), cfg.clientKeystore(), secrets.keystorePassword()));
            o.setHttpsHostnameVerificationEnabled(true); // Paho's default; stated, because without it TLS proves nothing
        }
        return o;
    }
}
