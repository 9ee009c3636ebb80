package vn.motcua.appliance.store;

/**
 * A command refused, changing nothing, because the store is failing (a full disk, a failing SD card): new tickets
 * are paused until it recovers, and any command is refused once not even the journal can take it. Carries the
 * stable code and what was refused; the web's error catalogue words it for the kiosk or the counter page.
 */
public final class StorePausedException extends StoreException {
    private final String code;
    private final boolean newTicket;

    private StorePausedException(String code, boolean newTicket, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.newTicket = newTicket;
    }

    /** A new ticket while the store is failing: the residents already waiting come first. */
    public static StorePausedException newTickets(StoreCondition.Failure f) {
        return new StorePausedException(f.noSpace() ? "STORE_FULL" : "STORE_FAILING", true, f.cause(), null);
    }

    /** Any command that could not be made durable while the store was failing for lack of space. */
    public static StorePausedException full(StoreException e) {
        return new StorePausedException("STORE_FULL", false, e.getMessage(), e);
    }

    /** {@code STORE_FULL} or {@code STORE_FAILING}. */
    public String code() {
        return code;
    }

    /** Whether a new ticket was refused (new tickets are paused), rather than another action left unsaved. */
    public boolean newTicket() {
        return newTicket;
    }
}
