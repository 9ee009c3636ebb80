package vn.motcua.appliance.store;

/**
 * A command refused, changing nothing, because the store is failing (a full disk, a failing SD card): new tickets
 * are paused until it recovers, and any command is refused once not even the journal can take it. Carries the
 * stable code and the text a kiosk or a counter page shows, Vietnamese first.
 */
public final class StorePausedException extends StoreException {
    private final String code;
    private final String vi;
    private final String en;

    private StorePausedException(String code, String vi, String en, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.vi = vi;
        this.en = en;
    }

    /** A new ticket while the store is failing: the residents already waiting come first. */
    public static StorePausedException newTickets(StoreCondition.Failure f) {
        return f.noSpace()
                ? new StorePausedException("STORE_FULL",
                        "Bộ nhớ của máy đã đầy: tạm ngừng cấp số mới. Vui lòng báo nhân viên.",
                        "The appliance's storage is full: new tickets are paused. Please tell the staff.", f.cause(), null)
                : new StorePausedException("STORE_FAILING",
                        "Bộ nhớ của máy đang lỗi: tạm ngừng cấp số mới. Vui lòng báo nhân viên.",
                        "The appliance's storage is failing: new tickets are paused. Please tell the staff.", f.cause(), null);
    }

    /** Any command that could not be made durable while the store was failing for lack of space. */
    public static StorePausedException full(StoreException e) {
        return new StorePausedException("STORE_FULL",
                "Bộ nhớ của máy đã đầy: chưa lưu được thao tác này. Vui lòng báo kỹ thuật viên.",
                "The appliance's storage is full: this action could not be saved. Please tell the technician.",
                e.getMessage(), e);
    }

    public String code() {
        return code;
    }

    public String messageVi() {
        return vi;
    }

    public String messageEn() {
        return en;
    }
}
