package vn.motcua.appliance.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.motcua.appliance.domain.Refusal;

/**
 * Every error answer the API and the pages give, one entry per code: the HTTP status it is usually answered with and
 * the text in Vietnamese first (residents and clerks read it), English beside it. The entry's name is the {@code error}
 * field clients and tests match on, so names never change; the texts may. A {@code %s} is a variable part (a limit, a
 * field, a counter), filled in both languages; a {@link Both} argument is worded once per language. Answers are built
 * here and nowhere else ({@code ErrorCatalogueTest} checks the texts and that no other class builds one).
 */
public enum ErrorCatalogue {
    // What Jetty itself answers (ErrorAnswers), and the generic refusals every handler shares
    BAD_REQUEST(400, "Yêu cầu không hợp lệ.", "Bad request."),
    NOT_FOUND(404, "Không tìm thấy địa chỉ này.", "Not found."),
    METHOD(405, "Địa chỉ này không nhận kiểu yêu cầu đó.", "Method not allowed here."),
    TOO_SLOW(408, "Dữ liệu gửi đến quá chậm, vui lòng thử lại.", "The request arrived too slowly, please try again."),
    BODY_TOO_LARGE(413, "Yêu cầu quá lớn (tối đa %s).", "Request body too large (%s at most)."),
    URI_TOO_LONG(414, "Địa chỉ quá dài.", "Address too long."),
    HEADERS_TOO_LARGE(431, "Phần đầu của yêu cầu quá lớn.", "Request headers too large."),
    INTERNAL(500, "Lỗi hệ thống, vui lòng báo nhân viên.", "Internal error, please tell the staff."),
    UNAVAILABLE(503, "Hệ thống tạm thời không phục vụ được, vui lòng thử lại sau.",
            "Service unavailable, please try again later."),
    /** Any other 4xx Jetty answers: its code is {@code HTTP_} and the status ({@link #forStatus}). */
    HTTP_4XX(0, "Yêu cầu không được chấp nhận.", "Request refused."),
    /** Any other 5xx Jetty answers: its code is {@code HTTP_} and the status. */
    HTTP_5XX(0, "Máy chủ đang gặp sự cố, vui lòng báo nhân viên.", "Server error, please tell the staff."),

    // Reading a request's body and fields (Exchange, Fields, WholeBodyFirst)
    BAD_BODY(400, "Không đọc được dữ liệu gửi đến, vui lòng thử lại.", "Could not read the request body, please try again."),
    NOT_JSON(415, "Dữ liệu gửi đến phải ở dạng JSON.", "Send the body as application/json."),
    BAD_JSON(400, "Dữ liệu gửi đến không hợp lệ (cần một đối tượng JSON).", "The body must be a valid JSON object."),
    MISSING_BODY(400, "Thiếu dữ liệu gửi đến (cần một đối tượng JSON).", "Send a JSON object body."),
    MISSING_FIELD(400, "Thiếu thông tin bắt buộc “%s”.", "The field '%s' is required."),
    BAD_FIELD(400, "Thông tin “%s” không hợp lệ.", "The field '%s' is not valid."),

    // The queue API (ApiHandler, StoreAcknowledgeHandler, the kiosk)
    UNKNOWN_TICKET(404, "Không tìm thấy số này trong ngày hôm nay.", "No such ticket today."),
    UNKNOWN_ACTION(404, "Quầy không có thao tác này.", "No such counter action."),
    LOOPBACK_ONLY(403, "Thao tác này chỉ làm được trên chính máy này, hoặc với tài khoản đăng nhập được phép.",
            "This action is only allowed on this machine itself, or with a login that permits it."),
    NOT_YOUR_NAME(403, "Chỉ được mở quầy bằng tên đăng nhập của chính mình",
            "A counter can only be opened under your own login name"),
    STORE_UNAVAILABLE(503, "Hệ thống lưu trữ đang lỗi, vui lòng báo nhân viên", "Storage failure, please tell the staff"),
    /** Filled with {@link #NEW_TICKETS_PAUSED} or {@link #ACTION_NOT_SAVED}. */
    STORE_FULL(503, "Bộ nhớ của máy đã đầy: %s. Vui lòng báo nhân viên.",
            "The appliance's storage is full: %s. Please tell the staff."),
    STORE_FAILING(503, "Bộ nhớ của máy đang lỗi: tạm ngừng cấp số mới. Vui lòng báo nhân viên.",
            "The appliance's storage is failing: new tickets are paused. Please tell the staff."),
    ACK_FAILED(500, "Không ghi được xác nhận, vui lòng thử lại.", "Could not record the acknowledgement, please try again."),
    TOO_MANY_SCREENS(503, "Quá nhiều màn hình đang kết nối, thử lại sau", "Too many screens connected, try again later"),
    FORBIDDEN(403, "Chỉ quản lý đã đăng nhập, hoặc chính máy này, mới đặt được thông báo.",
            "Setting the notice needs a manager login or this machine itself."),

    // Staff login and the manager's screens (StaffHandler, StaffAdminHandler, ManagerHandler)
    BAD_LOGIN(401, "Sai tên hoặc mật khẩu", "Wrong name or password"),
    NOT_LOGGED_IN(401, "Chưa đăng nhập", "Not logged in"),
    ACCOUNT_DISABLED(403, "Tài khoản đã bị khóa, xin liên hệ người quản lý",
            "This account is disabled, please ask the office manager"),
    TOO_MANY_TRIES(429, "Thử đăng nhập quá nhiều lần từ máy này, vui lòng đợi một phút",
            "Too many login attempts from this computer, please wait a minute"),
    LOCKED(429, "Tạm khóa do nhập sai nhiều lần từ máy này, thử lại sau 15 phút",
            "Locked after repeated failures from this computer, try again in 15 minutes"),
    BUSY(503, "Hệ thống đang bận, vui lòng thử lại sau ít giây", "Busy, please try again in a few seconds"),
    MANAGER_ONLY(403, "Cần đăng nhập tài khoản quản lý", "Log in with a manager account"),
    CSRF(403, "Phiên làm việc không hợp lệ, vui lòng tải lại trang", "Session check failed, please reload the page"),
    BAD_NAME(400, "Tên đăng nhập gồm 1–32 ký tự a-z 0-9 . _ - (không dấu, không khoảng trắng)",
            "A user name is 1-32 of a-z 0-9 . _ - (no accents, no spaces)"),
    BAD_FULL_NAME(400, "Họ tên gồm 1–64 ký tự, không có dấu hai chấm (:)",
            "A full name is 1-64 characters, without a colon (:)"),
    BAD_ROLE(400, "Vai trò là cán bộ hoặc quản lý", "The role is clerk or manager"),
    NAME_TAKEN(409, "Tên đăng nhập này đã có", "This user name exists already"),
    NO_ACCOUNT(404, "Không có tài khoản này", "No such account"),
    SELF(409, "Không thể tự khóa tài khoản của mình", "You cannot disable your own account"),
    BAD_COUNTERS(400, "Chọn ít nhất một quầy có trong văn phòng (hoặc mọi quầy)",
            "Choose at least one of the office's counters (or every counter)"),
    BAD_PASSWORD(400, "Mật khẩu cần 8–256 ký tự, không có ký tự điều khiển",
            "The password needs 8-256 characters and no control characters"),
    ACCOUNTS_FILE_BROKEN(503, "Tệp tài khoản đang có lỗi, xin báo kỹ thuật viên (xem /healthz)",
            "The accounts file has an error, please call the technician (see /healthz)"),
    ACCOUNTS_UNWRITABLE(503, "Không ghi được tệp tài khoản, xin báo kỹ thuật viên",
            "The accounts file could not be written, please call the technician"),

    // The dossier lookup (StatusPage): the kiosk's JSON and the page say the same
    NO_CODE(400, "Vui lòng nhập mã hồ sơ", "Please enter a dossier code"),
    CITIZEN_ID_NUMBER(400, "Đây là số căn cước / CMND, không phải mã hồ sơ. Số này không được gửi đi. Vui lòng nhập mã trên giấy hẹn.",
            "That is an ID card number, not a dossier code. It was not sent anywhere. Please enter the code on your appointment slip."),
    BAD_CODE(400, "Mã hồ sơ không hợp lệ", "That is not a valid dossier code"),
    DISTRICT_UNREACHABLE(503, "Chưa tra cứu được (mất kết nối máy chủ). Vui lòng thử lại hoặc hỏi cán bộ.",
            "Cannot look it up now (server unreachable). Please try again or ask the staff."),

    // The phone page a resident follows a ticket on (web.phone): the page and its state say the same
    PHONE_PAGE_OFF(404, "Văn phòng này chưa bật trang theo dõi số trên điện thoại.",
            "This office has not turned on following a ticket on a phone."),
    UNKNOWN_TICKET_LINK(404, "Không tìm thấy phiếu này. Vui lòng kiểm tra số thứ tự và mã in trên phiếu.",
            "No such ticket. Please check the number and the code printed on your ticket."),
    TOO_MANY_GUESSES(429, "Nhập sai quá nhiều lần từ máy này, vui lòng đợi một phút rồi thử lại.",
            "Too many wrong tries from this phone, please wait a minute and try again."),
    TICKET_FINISHED(410, "Phiếu này đã kết thúc (đã phục vụ xong, vắng mặt quá hạn hoặc của ngày khác). Nếu cần, vui lòng lấy số mới.",
            "This ticket is finished (served, absent too long, or of another day). Please take a new number if you need one."),

    // Hall displays and counter-top screens paired over the LAN (web.paired): the pairing page and /manager
    PAIRING_CODE_UNKNOWN(404, "Không có mã ghép nối này, hoặc mã đã hết hạn hay đã được dùng. Vui lòng xem lại mã trên màn hình.",
            "No such pairing code, or it expired or was used already. Please check the code on the screen."),
    PAIRING_EXPIRED(410, "Mã ghép nối đã hết hạn. Màn hình sẽ lấy mã mới.",
            "The pairing code expired. The screen will get a new one."),
    PAIRING_TOO_MANY(429, "Thử ghép nối quá nhiều lần từ máy này, vui lòng đợi một phút rồi thử lại.",
            "Too many pairing attempts from this computer, please wait a minute and try again."),
    BAD_SCREEN_NAME(400, "Tên màn hình gồm 1–64 ký tự, không có ký tự điều khiển.",
            "A screen's name is 1-64 characters, without control characters."),
    BAD_SCREEN_ROLE(400, "Loại màn hình là màn hình gọi số, màn hình quầy hoặc ki-ốt lấy số vệ tinh.",
            "A screen is a hall display, a counter screen or a satellite kiosk."),
    BAD_SCREEN_SERVICES(400, "Chỉ chọn các dịch vụ có trong văn phòng (không chọn: mọi dịch vụ).",
            "Choose only services this office has (none chosen: every service)."),
    BAD_SCREEN_COUNTERS(400, "Chỉ chọn các quầy có trong văn phòng (không chọn: mọi quầy).",
            "Choose only counters this office has (none chosen: every counter)."),
    BAD_SCREEN_COUNTER(400, "Màn hình quầy cần đúng một quầy có trong văn phòng.",
            "A counter screen needs exactly one of this office's counters."),
    NO_SCREEN(404, "Không có màn hình đang hoạt động này (có thể đã bị thu hồi).",
            "No such working screen (it may have been revoked already)."),
    SCREEN_TOKEN_UNKNOWN(403, "Màn hình này không có mã hợp lệ (có thể đã bị thu hồi). Hãy ghép nối lại trên trang quản lý.",
            "This screen has no valid token (it may have been revoked). Pair it again on the manager's page."),
    TOO_MANY_PAIRED(409, "Đã ghép nối quá nhiều màn hình; hãy thu hồi các màn hình không còn dùng.",
            "Too many screens are paired; revoke the ones no longer used."),

    // Satellite kiosks (web.satellite): the master's side, and what a satellite's own kiosk answers
    SATELLITE_ONLY(401, "Chỉ ki-ốt lấy số vệ tinh đã được quản lý ghép nối mới dùng được địa chỉ này.",
            "Only a satellite kiosk a manager paired may use this address."),
    BAD_PRESS_KEY(400, "Mã lượt bấm không hợp lệ (16–64 ký tự chữ, số, “-” hoặc “_”).",
            "The press key is not valid (16-64 letters, digits, '-' or '_')."),
    PRESS_KEY_REUSED(409, "Mã lượt bấm này đã dùng cho một yêu cầu khác; mỗi lượt bấm cần mã riêng.",
            "This press key was already used for a different request; each press needs its own key."),
    BAD_DEVICE_REPORT(400, "Báo cáo thiết bị không hợp lệ (cần danh sách thiết bị: tên, trạng thái, lý do).",
            "The device report is not valid (it needs a list of devices: name, state, reason)."),
    MASTER_UNREACHABLE(503, "Mất kết nối với máy chủ quầy, tạm thời chưa lấy được số. Vui lòng chờ trong giây lát hoặc báo nhân viên.",
            "Lost contact with the office queue; no ticket can be taken for now. Please wait a moment or tell the staff."),

    // The simulated devices (demo and tests only, web/sim)
    NO_BUTTON(404, "Không có nút bấm này trên thiết bị mô phỏng.", "No such button on the simulated devices."),
    OUT_TRUE_OR_FALSE(400, "Giá trị “out” phải là true hoặc false.", "'out' must be true or false."),
    NOTHING_PRINTED(404, "Máy in mô phỏng chưa in phiếu nào.", "The simulated printer has printed nothing yet."),
    SCAN_TOO_LONG(413, "Mã quét quá dài.", "The scanned code is too long."),
    CLOCK_MINUTES(400, "Số phút “minutes” phải là số nguyên từ 1 đến %s.", "'minutes' must be a whole number from 1 to %s."),
    NO_BOARD(404, "Không có bàn phím mô phỏng này.", "No such simulated keypad."),
    UNKNOWN_KEY(400, "Không có phím này.", "No such key."),
    TRANSFER_NEEDS_TO(400, "Chuyển số cần chọn nơi chuyển đến.", "A transfer needs a destination."),

    // The queue engine's refusals (domain.Refusal, one entry each, same names): answered 409 by refused()
    UNKNOWN_SERVICE(409, "Không có dịch vụ này", "No such service"),
    UNKNOWN_COUNTER(409, "Không có quầy này", "No such counter"),
    PRIORITY_NOT_OFFERED(409, "Văn phòng không áp dụng ưu tiên này", "This priority is not offered here"),
    OFFICE_CLOSED_TODAY(409, "Hôm nay bộ phận một cửa nghỉ (ngày lễ, Tết), không tiếp nhận hồ sơ",
            "The office is closed today (public holiday), no tickets are issued"),
    COUNTER_OUTSIDE_HOURS(409, "Quầy này ngoài giờ làm việc, không mở được lúc này",
            "This counter is outside its working hours and cannot be opened now"),
    SERVICE_CLOSED_TODAY(409, "Hôm nay không tiếp nhận dịch vụ này", "This service does not take tickets today"),
    SERVICE_NOT_YET_OPEN(409, "Chưa đến giờ tiếp nhận", "Not open yet"),
    SERVICE_LUNCH_BREAK(409, "Đang nghỉ trưa, vui lòng quay lại sau", "Lunch break, please come back later"),
    SERVICE_CLOSED_FOR_THE_DAY(409, "Đã hết giờ tiếp nhận hôm nay", "Closed for today"),
    SERVICE_FULL(409, "Đã hết số của ngày hôm nay", "No more tickets today for this service"),
    NUMBER_RANGE_EXHAUSTED(409, "Đã hết dãy số của dịch vụ", "The number range of this service is used up"),
    COUNTER_CLOSED(409, "Quầy đang đóng", "The counter is closed"),
    COUNTER_PAUSED(409, "Quầy đang tạm dừng", "The counter is paused"),
    COUNTER_BUSY(409, "Quầy đang phục vụ một số khác", "The counter is still serving a ticket"),
    COUNTER_IDLE(409, "Quầy chưa gọi số nào", "The counter has no ticket"),
    NOBODY_WAITING(409, "Không còn ai chờ", "Nobody is waiting"),
    WRONG_TICKET_STATE(409, "Số này không ở trạng thái phù hợp", "The ticket is not in a state that allows this"),
    RECALL_WINDOW_PASSED(409, "Đã quá thời gian gọi lại", "Too late to recall this ticket"),
    TRANSFER_TARGET_INVALID(409, "Không thể chuyển đến nơi này", "Cannot transfer there"),
    TRANSFER_TARGET_CLOSED(409, "Quầy nhận đang đóng: không thể chuyển đến, hãy chọn quầy đang mở",
            "That counter is closed: cannot transfer there, choose an open one"),
    STAFF_AT_ANOTHER_COUNTER(409, "Cán bộ này đang mở một quầy khác: hãy đóng quầy đó trước",
            "This clerk already has another counter open: close it first"),
    NOTHING_TO_RATE(409, "Không có lượt phục vụ nào để đánh giá", "Nothing to rate"),
    INVALID_RATING(409, "Đánh giá không hợp lệ", "Invalid rating"),
    BOOKING_UNKNOWN(409, "Không tìm thấy lịch hẹn với mã này tại bộ phận một cửa này. Vui lòng kiểm tra lại mã hoặc lấy số thường.",
            "No appointment with this code at this office. Please check the code or take a regular number."),
    BOOKING_OTHER_DAY(409, "Lịch hẹn này không phải của hôm nay. Vui lòng đến đúng ngày hẹn hoặc lấy số thường.",
            "This appointment is not for today. Please come on the booked day or take a regular number."),
    BOOKING_OTHER_OFFICE(409, "Lịch hẹn này là của bộ phận một cửa khác. Vui lòng đến đúng nơi đã đặt hoặc lấy số thường.",
            "This appointment is for another office. Please go to the office you booked or take a regular number."),
    BOOKING_USED(409, "Mã lịch hẹn này đã được dùng để lấy số. Vui lòng hỏi nhân viên nếu bạn bị mất phiếu.",
            "This appointment code was already used for a ticket. Please ask the staff if you lost your ticket.");

    /** A variable part worded in each language (a number or a name is the same in both and needs none). */
    public record Both(String vi, String en) {}

    /** What a full store refused: a new ticket, or any other action. */
    public static final Both NEW_TICKETS_PAUSED = new Both("tạm ngừng cấp số mới", "new tickets are paused");
    public static final Both ACTION_NOT_SAVED = new Both("chưa lưu được thao tác này", "this action could not be saved");

    private final int status;
    private final String vi;
    private final String en;

    ErrorCatalogue(int status, String vi, String en) {
        this.status = status;
        this.vi = vi;
        this.en = en;
    }

    /** The status this code is answered with; a queue refusal is always 409, whatever its entry says. */
    public int status() {
        return status;
    }

    /** How many variable parts the texts take. */
    public int parts() {
        return vi.split("%s", -1).length - 1;
    }

    public String vi(Object... parts) {
        return fill(vi, parts, true);
    }

    public String en(Object... parts) {
        return fill(en, parts, false);
    }

    /** The refusal to throw from a handler: its catch answers it with {@link HttpError#body()}. */
    public HttpError error(Object... parts) {
        return errorWithDetail(null, parts);
    }

    /** The same, with a technical detail for developers (English, not for residents): a pattern, a range. */
    public HttpError errorWithDetail(String detail, Object... parts) {
        if (status == 0) {
            throw new IllegalStateException(name() + " has no status of its own: answer it through forStatus");
        }
        return new HttpError(status, name(), vi(parts), en(parts), detail);
    }

    /** Answers this error on {@code x} at once (for handlers that do not throw). */
    public void send(Exchange x, Object... parts) {
        error(parts).send(x);
    }

    /** The entry of an engine refusal: the same name. */
    public static ErrorCatalogue of(Refusal r) {
        return valueOf(r.name());
    }

    /** The engine's refusal of a command: 409, the engine's own words as detail. */
    public static HttpError refused(Refusal r, String detail) {
        ErrorCatalogue e = of(r);
        return new HttpError(409, e.name(), e.vi(), e.en(), detail);
    }

    /** What Jetty answers for a status no handler chose (a malformed request, a handler that threw). */
    public static HttpError forStatus(int status, int maxBody) {
        for (ErrorCatalogue e : values()) {
            if (e.status == status && e.ordinal() <= HTTP_5XX.ordinal()) {
                return e == BODY_TOO_LARGE ? e.error(size(maxBody)) : e.error();
            }
        }
        ErrorCatalogue other = status < 500 ? HTTP_4XX : HTTP_5XX;
        return new HttpError(status, "HTTP_" + status, other.vi(), other.en(), null);
    }

    /** A size limit as people read it: "16 KB", or bytes when not whole kilobytes. */
    public static Both size(int bytes) {
        return bytes % 1024 == 0
                ? new Both(bytes / 1024 + " KB", bytes / 1024 + " KB")
                : new Both(bytes + " byte", bytes + " bytes");
    }

    /** The JSON body of an answer: {@code error}, {@code message_vi} before {@code message_en}, then any detail. */
    static Map<String, Object> body(String code, String vi, String en, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("message_vi", vi);
        m.put("message_en", en);
        if (detail != null) {
            m.put("detail", detail);
        }
        return m;
    }

    /** {@link #INTERNAL} as JSON written by hand, for when writing an answer failed (its texts need no escaping). */
    static String lastResortJson() {
        return "{\"error\":\"" + INTERNAL.name() + "\",\"message_vi\":\"" + INTERNAL.vi + "\",\"message_en\":\""
                + INTERNAL.en + "\"}";
    }

    private static String fill(String text, Object[] parts, boolean vietnamese) {
        Object[] words = Arrays.stream(parts)
                .map(p -> p instanceof Both b ? (vietnamese ? b.vi() : b.en()) : String.valueOf(p)).toArray();
        if (words.length != text.split("%s", -1).length - 1) {
            throw new IllegalArgumentException("error text '" + text + "' takes other parts than " + Arrays.toString(words));
        }
        return String.format(text, words);
    }
}
