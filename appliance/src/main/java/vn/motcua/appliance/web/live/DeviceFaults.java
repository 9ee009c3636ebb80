package vn.motcua.appliance.web.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.devices.DeviceStatus;
import vn.motcua.appliance.devices.DeviceStatus.Reason;

/**
 * The resident devices' current faults, from their {@link DeviceStatus}es, worded for the clerk and the manager
 * (Vietnamese, English): what is wrong and what to do. Only the devices staff can act on are listed (printer, code
 * reader, counter boards, service buttons). A device that recovers simply drops out of the list. Pure: the same
 * statuses give the same list.
 */
public final class DeviceFaults {
    /** The devices in the office, in the order staff see them. */
    static final List<String> DEVICES = List.of("printer", "reader", "counter-bus", "buttons");

    private DeviceFaults() {}

    /** One fault as the staff pages show it; {@code detail} is the technician's text from the device adapter. */
    public static List<Map<String, String>> from(List<DeviceStatus> statuses) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String device : DEVICES) {
            for (DeviceStatus s : statuses) {
                if (!s.device().equals(device) || !s.isFault()) {
                    continue;
                }
                String[] text = words(device, s.reason());
                Map<String, String> f = new LinkedHashMap<>();
                f.put("device", device);
                f.put("message_vi", text[0]);
                f.put("message_en", text[1]);
                f.put("detail", clip(s.detail().isEmpty() ? s.reason().word() : s.detail()));
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    private static String[] words(String device, Reason reason) {
        return switch (device) {
            case "printer" -> printer(reason);
            case "reader" -> new String[] {"Mất kết nối đầu đọc mã — kiểm tra cáp USB",
                    "Code reader not connected — check its USB cable"};
            case "counter-bus" -> new String[] {"Bảng số trên quầy mất kết nối — kiểm tra cáp RS-485",
                    "Counter board offline — check the RS-485 cable"};
            default -> new String[] {"Nút lấy số không hoạt động — báo kỹ thuật viên",
                    "Service buttons not working — call the technician"};
        };
    }

    /** The printer's status names its most urgent fault. */
    private static String[] printer(Reason reason) {
        return switch (reason) {
            case PAPER_END -> new String[] {"Máy in vé hết giấy — thay cuộn giấy mới",
                    "Ticket printer out of paper — load a new roll"};
            case COVER_OPEN -> new String[] {"Nắp máy in vé đang mở — đóng nắp lại", "Ticket printer cover open — close it"};
            case MECHANICAL_ERROR -> new String[] {"Máy in vé bị kẹt dao cắt hoặc lỗi cơ",
                    "Ticket printer cutter jam or mechanical error"};
            case LINK_DOWN -> new String[] {"Mất kết nối máy in vé — kiểm tra cáp USB",
                    "Ticket printer not connected — check its USB cable"};
            case NO_RESPONSE -> new String[] {"Máy in vé không trả lời — kiểm tra nguồn",
                    "Ticket printer not answering — check its power"};
            case WRITE_FAILED -> new String[] {"Vé có thể bị in thiếu — kiểm tra máy in",
                    "A ticket may be incomplete — check the printer"};
            case OFFLINE -> new String[] {"Máy in vé đang ngừng (offline)", "Ticket printer offline"};
            default -> new String[] {"Máy in vé gặp lỗi", "Ticket printer fault"};
        };
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
