package vn.motcua.appliance.uplink;

/** An inbound MQTT message that is refused; the message is a reason safe to log and to publish back. */
public final class BadMessageException extends RuntimeException {
    public BadMessageException(String reason) {
        super(reason);
    }
}
