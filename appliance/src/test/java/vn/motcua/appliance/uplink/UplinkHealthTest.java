package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.motcua.appliance.service.Health;

class UplinkHealthTest {
    private static UplinkStatus status(String link, long depth, Long age, String storage) {
        return new UplinkStatus(link, "connected".equals(link) ? null : "connection lost: EOF", depth, age, storage, 3, 10, 10, 0, 0);
    }

    @Test
    void aConnectedUplinkIsGreenAndSaysWhatWaits() {
        Health.Status h = UplinkHealth.of(status("connected", 0, null, "ok"));
        assertTrue(h.ok());
        assertEquals("connected, 0 events waiting", h.state());
    }

    @Test
    void aShortOutageIsNormalButALongOneTurnsRed() {
        assertTrue(UplinkHealth.of(status("waiting", 40, 600L, "ok")).ok());
        Health.Status old = UplinkHealth.of(status("waiting", 4000, 7 * 3600L, "ok"));
        assertFalse(old.ok());
        assertTrue(old.state().contains("connection lost"), old.state());
    }

    @Test
    void storagePressureIsShownEvenWhileConnected() {
        Health.Status h = UplinkHealth.of(status("connected", 10, 5L, "pressure"));
        assertFalse(h.ok());
        assertTrue(h.detail().contains("queue events are kept"), h.detail());
    }
}
