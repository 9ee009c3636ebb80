package vn.motcua.appliance.devices.reader;

import java.time.Instant;

/**
 * A code reader's link state as data (for the health page and device-fault events).
 *
 * @param connected the device is open and being read
 * @param detail    technician-facing reason, e.g. "cannot open /dev/ttyACM0" or "grabbed /dev/input/event3"
 * @param at        when observed
 */
public record ReaderStatus(boolean connected, String detail, Instant at) {
}
