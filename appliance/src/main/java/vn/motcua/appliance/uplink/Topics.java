package vn.motcua.appliance.uplink;

/**
 * Every topic of contract v1 for one appliance (see TOPICS.md beside this file). Segments are
 * validated once here, so no topic this appliance uses can contain a wildcard.
 */
public final class Topics {
    public static final String ROOT = "motcua/v1";
    private final String base;

    public Topics(String district, String office, String device) {
        this.base = ROOT + "/" + TopicSegment.require("district", district) + "/"
                + TopicSegment.require("office", office) + "/" + TopicSegment.require("device", device);
    }

    public String base() { return base; }

    /** Queue/device events, one topic level per type, e.g. {@code .../event/ticket.issued}. */
    public String event(String type) { return base + "/event/" + TopicSegment.require("event type", type); }

    /** Retained availability: birth {@code online}, last will {@code offline}. */
    public String availability() { return base + "/status"; }

    /** Periodic heartbeat/telemetry, not retained, expires. */
    public String telemetry() { return base + "/telemetry"; }

    /** Retained storage condition (ok / pressure / critical). */
    public String storage() { return base + "/status/storage"; }

    /** Retained config from the district server. */
    public String config() { return base + "/config"; }

    /** Retained acknowledgement of the last config received (applied or refused + reason). */
    public String configAck() { return base + "/config/ack"; }

    /** Retained live-queue snapshot. */
    public String queueSnapshot() { return base + "/queue"; }

    /** Commands from the server: {@code .../cmd/{name}}. */
    public String commandFilter() { return base + "/cmd/+"; }

    public String commandPrefix() { return base + "/cmd/"; }

    public String commandAck() { return base + "/cmd-ack"; }

    public String dossierRequest() { return base + "/dossier/request"; }

    public String dossierResponse() { return base + "/dossier/response"; }

    /** The district's bookings at this office, one retained topic per day: {@code .../bookings/2026-11-21}. */
    public String bookingsFilter() { return base + "/bookings/+"; }

    public String bookingsPrefix() { return base + "/bookings/"; }

    /** A device asking the district for its own events back (restore after its store was lost). */
    public String restoreRequest() { return base + "/restore/request"; }

    public String restoreResponse() { return base + "/restore/response"; }

    /** The district's receipt: the last replayed event it took in ({@link DistrictReceipts}). */
    public String receipt() { return base + "/receipt"; }
}
