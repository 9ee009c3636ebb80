/**
 * What every device shares, and nothing that wires them: the device model ({@link
 * vn.motcua.appliance.devices.DeviceEvent}, {@link vn.motcua.appliance.devices.DeviceStatus}, the one stream {@link
 * vn.motcua.appliance.devices.DeviceEventStream}), the port through which the counter bus learns which keypad presses
 * the store holds ({@link vn.motcua.appliance.devices.KeypadCursors}), and the Linux file descriptor binding. Devices
 * import neither Jetty nor the store ({@code ArchitectureTest}); their simulators' web controls are in {@code web.sim}.
 */
package vn.motcua.appliance.devices;
