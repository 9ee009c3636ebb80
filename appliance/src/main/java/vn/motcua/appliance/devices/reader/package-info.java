/**
 * The code reader: port {@link vn.motcua.appliance.devices.reader.CodeReader}, adapters for USB-serial
 * ({@link vn.motcua.appliance.devices.reader.SerialCodeReader}) and keyboard mode read from evdev
 * ({@link vn.motcua.appliance.devices.reader.EvdevCodeReader}), and the pure scan path: framing,
 * strict UTF-8, classification, CCCD reduction to a keyed hash and an age, repeats. Simulators in
 * {@code sim}. Setup and the personal-data rules: {@code hardware-docs/code-reader.md}.
 */
package vn.motcua.appliance.devices.reader;
