package vn.motcua.appliance.uplink;

/** Result of applying something the server sent: done, or refused with a reason safe to publish back. */
public record Outcome(boolean ok, String reason) {
    public static Outcome done() {
        return new Outcome(true, null);
    }

    public static Outcome refused(String reason) {
        return new Outcome(false, reason == null ? "refused" : reason);
    }
}
