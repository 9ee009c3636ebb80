package vn.motcua.appliance.devices.printer;

/**
 * Told about each ticket's print job by {@link TicketPrinting}: the busy LED beside the service buttons lights
 * while a job runs, /metrics counts jobs by outcome, and the kiosk tells the resident whether paper came out
 * ({@link PrintJobs}). {@link #started} runs on the committing thread (under the queue's lock: keep it short);
 * {@link #finished} on the printer's I/O thread, exactly once per start.
 */
public interface PrintJobListener {
    void started(String ticketNumber);

    /**
     * @param outcome never null; not printed when the job ended in a printer fault or the slip could not be
     *                printed at all, with the printer's status at that moment
     */
    void finished(String ticketNumber, PrintOutcome outcome);
}
