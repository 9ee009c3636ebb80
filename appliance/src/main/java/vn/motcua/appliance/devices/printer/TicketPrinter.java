package vn.motcua.appliance.devices.printer;

import java.util.concurrent.CompletableFuture;

/** Port: the ticket printer as the appliance sees it. Adapters: {@link EscPosPrinter}. */
public interface TicketPrinter extends AutoCloseable {

    /**
     * Queues one ticket. Never throws for device trouble: the future completes with an outcome
     * that says whether it was printed; faults also go to the status listeners.
     */
    CompletableFuture<PrintOutcome> print(TicketSlip slip);

    /** Queries the printer now (DLE EOT on a two-way link) and reports any change. */
    CompletableFuture<PrinterStatus> refreshStatus();

    /** Last known status, without I/O. */
    PrinterStatus status();

    void addStatusListener(PrinterStatusListener listener);

    @Override
    void close();
}
