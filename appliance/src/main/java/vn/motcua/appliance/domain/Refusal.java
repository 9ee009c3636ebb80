package vn.motcua.appliance.domain;

/**
 * Why a command was refused, worded for the person in front of the screen (Vietnamese first).
 * The code is stable for APIs and tests; the texts may change.
 */
public enum Refusal {
    UNKNOWN_SERVICE("Không có dịch vụ này", "No such service"),
    UNKNOWN_COUNTER("Không có quầy này", "No such counter"),
    UNKNOWN_TICKET("Không tìm thấy số này", "No such ticket today"),
    PRIORITY_NOT_OFFERED("Văn phòng không áp dụng ưu tiên này", "This priority is not offered here"),
    OFFICE_CLOSED_TODAY("Hôm nay bộ phận một cửa nghỉ (ngày lễ, Tết), không tiếp nhận hồ sơ",
            "The office is closed today (public holiday), no tickets are issued"),
    COUNTER_OUTSIDE_HOURS("Quầy này ngoài giờ làm việc, không mở được lúc này",
            "This counter is outside its working hours and cannot be opened now"),
    SERVICE_CLOSED_TODAY("Hôm nay không tiếp nhận dịch vụ này", "This service does not take tickets today"),
    SERVICE_NOT_YET_OPEN("Chưa đến giờ tiếp nhận", "Not open yet"),
    SERVICE_LUNCH_BREAK("Đang nghỉ trưa, vui lòng quay lại sau", "Lunch break, please come back later"),
    SERVICE_CLOSED_FOR_THE_DAY("Đã hết giờ tiếp nhận hôm nay", "Closed for today"),
    SERVICE_FULL("Đã hết số của ngày hôm nay", "No more tickets today for this service"),
    NUMBER_RANGE_EXHAUSTED("Đã hết dãy số của dịch vụ", "The number range of this service is used up"),
    COUNTER_CLOSED("Quầy đang đóng", "The counter is closed"),
    COUNTER_PAUSED("Quầy đang tạm dừng", "The counter is paused"),
    COUNTER_BUSY("Quầy đang phục vụ một số khác", "The counter is still serving a ticket"),
    COUNTER_IDLE("Quầy chưa gọi số nào", "The counter has no ticket"),
    NOBODY_WAITING("Không còn ai chờ", "Nobody is waiting"),
    WRONG_TICKET_STATE("Số này không ở trạng thái phù hợp", "The ticket is not in a state that allows this"),
    RECALL_WINDOW_PASSED("Đã quá thời gian gọi lại", "Too late to recall this ticket"),
    TRANSFER_TARGET_INVALID("Không thể chuyển đến nơi này", "Cannot transfer there"),
    TRANSFER_TARGET_CLOSED("Quầy nhận đang đóng: không thể chuyển đến, hãy chọn quầy đang mở",
            "That counter is closed: cannot transfer there, choose an open one"),
    STAFF_AT_ANOTHER_COUNTER("Cán bộ này đang mở một quầy khác: hãy đóng quầy đó trước",
            "This clerk already has another counter open: close it first"),
    NOTHING_TO_RATE("Không có lượt phục vụ nào để đánh giá", "Nothing to rate"),
    INVALID_RATING("Đánh giá không hợp lệ", "Invalid rating");

    private final String vi;
    private final String en;

    Refusal(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }
}
