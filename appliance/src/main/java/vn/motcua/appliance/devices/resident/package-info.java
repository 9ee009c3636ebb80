/**
 * The resident-facing devices wired to the queue: {@link vn.motcua.appliance.devices.resident.ResidentDevices} opens
 * the printer ({@link vn.motcua.appliance.devices.resident.PrinterDevice}, real or simulated), the code reader and the
 * service buttons ({@link vn.motcua.appliance.devices.resident.ButtonTickets}) as the config says. Above the device
 * packages, so that they and their simulators never depend on each other.
 */
package vn.motcua.appliance.devices.resident;
