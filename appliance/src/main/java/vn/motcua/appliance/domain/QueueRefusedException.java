package vn.motcua.appliance.domain;

/** A command that does not apply. Thrown before anything changed. */
public final class QueueRefusedException extends RuntimeException {
    private final Refusal reason;

    public QueueRefusedException(Refusal reason, String detail) {
        super(reason.name() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Refusal reason() {
        return reason;
    }
}
