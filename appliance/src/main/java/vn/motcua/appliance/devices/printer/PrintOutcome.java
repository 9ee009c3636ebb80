package vn.motcua.appliance.devices.printer;

/**
 * Result of one print job. A ticket that was not printed is still issued by the queue: the kiosk
 * shows the number and staff are alerted by the status listener.
 *
 * @param printed true if every byte was written and the printer did not report a fault afterwards
 * @param status  the status after the job (or the status that stopped it)
 */
public record PrintOutcome(boolean printed, PrinterStatus status) {
}
