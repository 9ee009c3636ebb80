package vn.motcua.appliance.satellite;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.service.Health;

/**
 * Whether the master can be reached, as the last call to it found, and what the satellite's kiosk says about it
 * (Vietnamese first, English beside). Offline from the first failed call until the next one that reaches it: the
 * periodic device report is also the heartbeat, so a satellite finds its master back within one report by itself.
 */
final class LinkState {
    private static final Logger log = LoggerFactory.getLogger(LinkState.class);
    static final String OFFLINE_VI = "Mất kết nối với máy chủ quầy. Tạm thời chưa lấy được số, vui lòng chờ trong giây lát"
            + " hoặc báo nhân viên.";
    static final String OFFLINE_EN = "Lost contact with the office queue. No ticket can be taken for now; please wait a"
            + " moment or tell the staff.";
    static final String UNPAIRED_VI = "Ki-ốt chưa được ghép nối. Quản lý nhập mã này trên trang quản lý:";
    static final String UNPAIRED_EN = "This kiosk is not paired yet. A manager types this code on the manager's page:";

    private final Clock clock;
    private volatile boolean online;
    private volatile boolean paired;
    private volatile String pairingCode;
    private volatile Instant since;
    private volatile long offlineSpells;

    LinkState(Clock clock, boolean paired) {
        this.clock = clock;
        this.paired = paired;
        this.since = clock.instant();
    }

    /** The outcome of one call: reached (an answer below 500) or not. */
    void reached(boolean yes) {
        if (yes != online) {
            online = yes;
            since = clock.instant();
            if (yes) {
                log.info("The master is reachable");
            } else {
                offlineSpells++;
                log.warn("Lost contact with the master");
            }
        }
    }

    /** The master refused the token (revoked, or another master): paired no more until paired again. */
    void tokenRefused() {
        if (paired) {
            log.warn("The master refused this satellite's token (revoked?): pairing again");
        }
        paired = false;
    }

    void paired(boolean yes) {
        paired = yes;
        if (yes) {
            pairingCode = null;
        }
    }

    void showCode(String code) {
        pairingCode = code;
    }

    boolean online() {
        return online;
    }

    boolean paired() {
        return paired;
    }

    long offlineSpells() {
        return offlineSpells;
    }

    /** What the kiosk page shows, polled ({@code /satellite/state}). */
    Map<String, Object> forKiosk() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("online", online);
        m.put("paired", paired);
        m.put("since", since.toEpochMilli());
        m.put("offline_spells", offlineSpells);
        if (!paired) {
            m.put("message_vi", UNPAIRED_VI);
            m.put("message_en", UNPAIRED_EN);
            m.put("code", pairingCode);
        } else if (!online) {
            m.put("message_vi", OFFLINE_VI);
            m.put("message_en", OFFLINE_EN);
        }
        return m;
    }

    void registerHealth(Health health) {
        health.register("master", () -> !paired ? Health.Status.fault("unpaired", "waiting for a manager to confirm code "
                + pairingCode) : online ? Health.Status.ok("reachable since " + since)
                : Health.Status.fault("unreachable", "since " + since));
    }
}
