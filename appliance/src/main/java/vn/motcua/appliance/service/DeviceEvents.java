package vn.motcua.appliance.service;

/**
 * Where devices record what is not a queue command (a fault, its clearing, a scan): into the outbox, so it
 * reaches the district like every other event. Must not throw for storage trouble; it logs instead.
 */
@FunctionalInterface
public interface DeviceEvents {
    void record(String type, Object payload);
}
