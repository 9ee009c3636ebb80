package vn.motcua.appliance.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.devices.DeviceStatus;
import vn.motcua.appliance.devices.DeviceStatus.Reason;
import vn.motcua.appliance.devices.DeviceStatus.State;

/** What the staff pages list from the devices' statuses: the office's devices that need a person, in words. */
class DeviceFaultsTest {
    private static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");

    static DeviceStatus fault(String device, Reason reason, String detail) {
        return DeviceStatus.fault(device, reason, detail, AT);
    }

    @Test
    void aPaperEndIsSaidAsSuchWithWhatToDo() {
        // as the printer reports paper end (its status names the most urgent of its faults)
        var faults = DeviceFaults.from(List.of(fault("printer", Reason.PAPER_END, "paper end sensor")));
        assertEquals(List.of(Map.of("device", "printer", "message_vi", "Máy in vé hết giấy — thay cuộn giấy mới",
                "message_en", "Ticket printer out of paper — load a new roll", "detail", "paper end sensor")), faults);
    }

    @Test
    void everyFaultyDeviceIsListedAndHealthyOnesAndNonDevicesAreNot() {
        var faults = DeviceFaults.from(List.of(
                fault("buttons", Reason.PIN_UNAVAILABLE, "GPIO: no /dev/gpiochip0"),
                fault("counter-bus", Reason.BOARD_OFFLINE, "board 4 (counter 4): no reply"),
                new DeviceStatus("printer", State.WARNING, Reason.PAPER_NEAR_END, "paper near end", AT),
                fault("reader", Reason.DISCONNECTED, "/dev/motcua-reader: \u001b[2Jgone"),
                fault("uplink", Reason.DISCONNECTED, "no broker")));
        assertEquals(List.of("reader", "counter-bus", "buttons"), faults.stream().map(f -> f.get("device")).toList());
        assertEquals("Counter board offline — check the RS-485 cable", faults.get(1).get("message_en"));
        assertEquals("board 4 (counter 4): no reply", faults.get(1).get("detail"));
        assertEquals("/dev/motcua-reader: ?[2Jgone", faults.get(0).get("detail"), "no control characters reach a page");
        assertEquals(List.of(), DeviceFaults.from(List.of(DeviceStatus.ok("printer", "ready", AT),
                DeviceStatus.ok("reader", "reading /dev/ttyACM0", AT))));
    }

    @Test
    void aCoverOpenAndAnUnknownPrinterFaultAreWordedToo() {
        assertEquals("Ticket printer cover open — close it", DeviceFaults.from(List.of(
                fault("printer", Reason.COVER_OPEN, "cover"))).getFirst().get("message_en"));
        assertEquals("Máy in vé gặp lỗi", DeviceFaults.from(List.of(
                fault("printer", Reason.NONE, "IllegalStateException"))).getFirst().get("message_vi"));
    }
}
