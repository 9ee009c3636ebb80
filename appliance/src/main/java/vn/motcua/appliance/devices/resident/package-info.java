/**
 * The resident-facing devices: {@link vn.motcua.appliance.devices.resident.ResidentDevices} opens the printer
 * ({@link vn.motcua.appliance.devices.resident.PrinterDevice}, real or simulated), the code reader and the service
 * buttons as the config says, on a master and on a satellite kiosk alike; where their tickets come from is a port,
 * {@link vn.motcua.appliance.devices.resident.TicketSource}: this appliance's queue
 * ({@link vn.motcua.appliance.devices.resident.QueueTickets}, presses through
 * {@link vn.motcua.appliance.devices.resident.ButtonTickets}) or a satellite's master. Above the device
 * packages, so that they and their simulators never depend on each other.
 */
package vn.motcua.appliance.devices.resident;
