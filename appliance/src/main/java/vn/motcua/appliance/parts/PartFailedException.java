package vn.motcua.appliance.parts;

/** A part threw from {@link Part#start}; the parts started before it are closed by then. */
public final class PartFailedException extends Exception {
    private final String part;

    PartFailedException(String part, Throwable cause) {
        super("the " + part + " part failed to start: "
                + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), cause);
        this.part = part;
    }

    public String part() {
        return part;
    }
}
