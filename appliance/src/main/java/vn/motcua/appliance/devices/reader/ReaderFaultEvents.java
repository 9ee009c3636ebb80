package vn.motcua.appliance.devices.reader;

import java.util.function.Consumer;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceEvents;
import vn.motcua.appliance.devices.DeviceStatus;

/**
 * The code reader's status changes as device events. A reader that cannot be opened or was unplugged raises one
 * {@code DISCONNECTED} fault (with the reason, e.g. "cannot open /dev/motcua-reader"), cleared when the reader opens
 * again; named like the printer's and the counter boards' events. The appliance closing the reader is not a fault.
 * Each status then goes out as a {@link DeviceEvent.StatusChanged}, after its fault event, so whoever sees the
 * change on /healthz finds its event in the outbox. Register with {@link CodeReader#addStatusListener}.
 */
public final class ReaderFaultEvents implements Consumer<DeviceStatus> {
    private final DeviceEvents events;
    private boolean faulted; // guarded by this

    public ReaderFaultEvents(DeviceEvents events) {
        this.events = events;
    }

    @Override
    public synchronized void accept(DeviceStatus s) {
        if (s.reason() != DeviceStatus.Reason.CLOSED) {
            if (s.isFault() && !faulted) {
                faulted = true;
                events.publish(new DeviceEvent.FaultRaised(s));
            } else if (s.state() == DeviceStatus.State.OK && faulted) {
                faulted = false;
                events.publish(new DeviceEvent.FaultCleared(DeviceStatus.Reason.DISCONNECTED, s));
            }
        }
        events.publish(new DeviceEvent.StatusChanged(s));
    }
}
