package vn.motcua.appliance.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.service.Health;

/** What the staff pages list from a health snapshot: the office's devices that need a person, in words. */
class DeviceFaultsTest {
    static Map<String, Health.Status> snapshot(Object... partAndStatus) {
        Map<String, Health.Status> m = new LinkedHashMap<>();
        for (int i = 0; i < partAndStatus.length; i += 2) {
            m.put((String) partAndStatus[i], (Health.Status) partAndStatus[i + 1]);
        }
        return m;
    }

    @Test
    void aPaperEndIsSaidAsSuchWithWhatToDo() {
        // as ResidentDevices reports a printer fault: state "fault [faults]", the adapter's detail
        var faults = DeviceFaults.from(snapshot("printer", Health.Status.fault("fault [OFFLINE, PAPER_END]", "paper end sensor"),
                "store", Health.Status.ok("open")));
        assertEquals(List.of(Map.of("device", "printer", "message_vi", "Máy in vé hết giấy — thay cuộn giấy mới",
                "message_en", "Ticket printer out of paper — load a new roll", "detail", "paper end sensor")), faults);
    }

    @Test
    void everyFaultyDeviceIsListedAndHealthyOnesAndNonDevicesAreNot() {
        var faults = DeviceFaults.from(snapshot(
                "buttons", Health.Status.fault("fault", "GPIO: no /dev/gpiochip0"),
                "counter-bus", Health.Status.fault("9/10 boards online, refused presses 0", "board 4 (counter 4): no reply"),
                "printer", Health.Status.ok("warning: paper near end"),
                "reader", Health.Status.fault("disconnected", "/dev/motcua-reader: \u001b[2Jgone"),
                "uplink", Health.Status.fault("offline", "no broker"),
                "store", Health.Status.fault("recovered", "journal replayed")));
        assertEquals(List.of("reader", "counter-bus", "buttons"), faults.stream().map(f -> f.get("device")).toList());
        assertEquals("Counter board offline — check the RS-485 cable", faults.get(1).get("message_en"));
        assertEquals("board 4 (counter 4): no reply", faults.get(1).get("detail"));
        assertEquals("/dev/motcua-reader: ?[2Jgone", faults.get(0).get("detail"), "no control characters reach a page");
        assertEquals(List.of(), DeviceFaults.from(snapshot("printer", Health.Status.ok("ok"), "reader", Health.Status.ok("connected"))));
    }

    @Test
    void aCoverOpenAndAnUnknownPrinterFaultAreWordedToo() {
        assertEquals("Ticket printer cover open — close it", DeviceFaults.from(snapshot("printer",
                Health.Status.fault("fault [COVER_OPEN]", "cover"))).getFirst().get("message_en"));
        assertEquals("Máy in vé gặp lỗi", DeviceFaults.from(snapshot("printer",
                Health.Status.fault("error", "IllegalStateException"))).getFirst().get("message_vi"));
    }
}
