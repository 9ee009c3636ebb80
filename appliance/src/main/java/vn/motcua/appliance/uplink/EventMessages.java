package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import vn.motcua.appliance.json.JsonMappers;
import vn.motcua.appliance.store.OutboxEvent;

/**
 * Wire format of one event message (contract v1, see TOPICS.md): a pure function from an outbox
 * row to UTF-8 JSON bytes. The store's payload JSON is embedded as-is (it was validated when the
 * store wrote it), so draining does not re-parse a week of payloads.
 */
public final class EventMessages {
    public static final int VERSION = 1;
    private static final JsonFactory JSON = JsonMappers.network().getFactory();

    private EventMessages() {}

    public static byte[] encode(OutboxEvent e, boolean replayed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160 + e.payloadJson().length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("id", e.eventId());
            g.writeNumberField("seq", e.seq());
            g.writeStringField("device", e.deviceId());
            g.writeStringField("type", e.type());
            g.writeStringField("time", e.wallTime().toString());
            g.writeBooleanField("clockTrusted", e.clockTrusted());
            g.writeStringField("bootId", e.bootId());
            g.writeNumberField("monoNanos", e.monoNanos());
            g.writeBooleanField("replayed", replayed);
            g.writeFieldName("payload");
            g.writeRawValue(e.payloadJson().isBlank() ? "{}" : e.payloadJson());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot happen writing to memory", ex);
        }
        return out.toByteArray();
    }
}
