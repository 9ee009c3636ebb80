package vn.motcua.appliance.devices;

/**
 * Where devices tell what happened to them ({@link DeviceEvent}): one stream that the outbox, health, the staff pages'
 * device faults and /metrics all subscribe to ({@link DeviceEventStream}). Called on the device's own thread: must not
 * block and must not throw for storage trouble.
 */
@FunctionalInterface
public interface DeviceEvents {
    void publish(DeviceEvent event);
}
