package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceStatus;
import vn.motcua.appliance.devices.DeviceStatus.Reason;
import vn.motcua.appliance.devices.DeviceStatus.State;

/**
 * The device events as the outbox writes them for the district (uplink/TOPICS.md): byte for byte what the devices
 * wrote as hand-built maps before the events were typed, key order included.
 */
class DeviceEventJsonTest {
    private static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");

    private static String json(DeviceEvent.Reported e) {
        return e.type() + " " + EventJson.write(e.payload());
    }

    @Test
    void printerFaultsAndRecoveries() {
        DeviceStatus paperEnd = new DeviceStatus("printer", State.FAULT, Reason.PAPER_END, "[PAPER_END]", AT);
        assertEquals("device.fault {\"device\":\"printer\",\"fault\":\"paper_end\",\"health\":\"fault\",\"detail\":\"[PAPER_END]\"}",
                json(new DeviceEvent.FaultRaised(paperEnd)));
        DeviceStatus unknown = new DeviceStatus("printer", State.UNKNOWN, Reason.NONE, "one-way link", AT);
        assertEquals("device.recovered {\"device\":\"printer\",\"fault\":\"link_down\",\"health\":\"unknown\",\"detail\":\"one-way link\"}",
                json(new DeviceEvent.FaultCleared(Reason.LINK_DOWN, unknown)));
    }

    @Test
    void readerDisconnectedAndBack() {
        assertEquals("device.fault {\"device\":\"reader\",\"fault\":\"disconnected\",\"health\":\"fault\",\"detail\":\"cannot open /dev/x\"}",
                json(new DeviceEvent.FaultRaised(DeviceStatus.fault("reader", Reason.DISCONNECTED, "cannot open /dev/x", AT))));
        assertEquals("device.recovered {\"device\":\"reader\",\"fault\":\"disconnected\",\"health\":\"ok\",\"detail\":\"reading /dev/x\"}",
                json(new DeviceEvent.FaultCleared(Reason.DISCONNECTED, DeviceStatus.ok("reader", "reading /dev/x", AT))));
    }

    @Test
    void counterBoardsInTheOrderTheirHashMapWroteThem() {
        assertEquals("device.fault {\"reason\":\"no-reply\",\"address\":3,\"counter\":4,\"device\":\"counter-board\"}",
                json(new DeviceEvent.BoardOffline(3, 4, "no-reply")));
        assertEquals("device.recovered {\"reason\":\"ok\",\"address\":9,\"counter\":null,\"device\":\"counter-board\"}",
                json(new DeviceEvent.BoardOnline(9, null, "ok")));
    }

    @Test
    void scansCarryNoPersonalData() {
        assertEquals("scan.dossier {\"code\":\"000.00.15.H29-241122-0001\"}",
                json(new DeviceEvent.DossierScanned("000.00.15.H29-241122-0001")));
        assertEquals("scan.citizen_id {\"priority\":true}", json(new DeviceEvent.CitizenIdScanned(true)));
        assertEquals("scan.ticket {\"number\":\"A023\"}", json(new DeviceEvent.TicketScanned("A023")));
        assertEquals("scan.rejected {\"reason\":\"NOT_RECOGNISED\"}", json(new DeviceEvent.ScanRejected("NOT_RECOGNISED")));
    }
}
