package vn.motcua.appliance.devices.printer;

/**
 * Result of one print job. A ticket that was not printed is still issued by the queue: the kiosk
 * shows the number and staff are alerted by the status listener.
 *
 * @param printed true if every byte was written and the printer did not report a fault afterwards
 * @param sent    true if the ticket's bytes (all, or some before a write failed) reached the printer, so paper
 *                may have come out even when {@code printed} is false: the resident may hold an incomplete ticket
 * @param status  the status after the job (or the status that stopped it)
 * @param queueFull true if the job was refused before it started because too many tickets were already waiting
 *                  for the printer ({@link EscPosPrinter#MAX_WAITING}): nothing was sent, the printer may be healthy
 */
public record PrintOutcome(boolean printed, boolean sent, PrinterStatus status, boolean queueFull) {
    public PrintOutcome(boolean printed, boolean sent, PrinterStatus status) {
        this(printed, sent, status, false);
    }

    /** Nothing was sent: the printer was refused (fault, link down) or the job never started. */
    public static PrintOutcome notSent(PrinterStatus status) {
        return new PrintOutcome(false, false, status);
    }

    /** Nothing was sent because the printer already had {@link EscPosPrinter#MAX_WAITING} tickets waiting. */
    public static PrintOutcome queueFull(PrinterStatus status) {
        return new PrintOutcome(false, false, status, true);
    }
}
