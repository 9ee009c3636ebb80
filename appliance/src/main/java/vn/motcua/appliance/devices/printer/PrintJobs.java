package vn.motcua.appliance.devices.printer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The print job of each recent ticket, by ticket number, so the kiosk can tell the resident whether a paper ticket
 * really came out instead of guessing from the printer's status before the job ran. A job is known from
 * {@link #started} (on the committing thread, so before the kiosk's {@code POST /api/tickets} is answered) and
 * completes at {@link #finished}. Bounded: only the last {@value #KEEP} jobs are kept, as a kiosk asks within
 * seconds; a number issued again on a later day replaces the old job. Thread-safe.
 */
public final class PrintJobs implements PrintJobListener {
    static final int KEEP = 256;

    private final boolean printerPresent;
    private final Map<String, CompletableFuture<PrintOutcome>> jobs = new LinkedHashMap<>(KEEP * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<PrintOutcome>> eldest) {
            return size() > KEEP;
        }
    };

    /** @param printerPresent false when the office has no printer (mode off): no ticket is ever printed */
    public PrintJobs(boolean printerPresent) {
        this.printerPresent = printerPresent;
    }

    public boolean printerPresent() {
        return printerPresent;
    }

    @Override
    public synchronized void started(String ticketNumber) {
        jobs.remove(ticketNumber); // re-inserted last, so eviction follows issue order
        jobs.put(ticketNumber, new CompletableFuture<>());
    }

    @Override
    public void finished(String ticketNumber, PrintOutcome outcome) {
        CompletableFuture<PrintOutcome> job;
        synchronized (this) {
            job = jobs.get(ticketNumber);
        }
        if (job != null) {
            job.complete(outcome);
        }
    }

    /** The job of ticket {@code ticketNumber}, if it was sent recently; completes when the job ends. */
    public synchronized Optional<CompletableFuture<PrintOutcome>> job(String ticketNumber) {
        return Optional.ofNullable(jobs.get(ticketNumber));
    }
}
