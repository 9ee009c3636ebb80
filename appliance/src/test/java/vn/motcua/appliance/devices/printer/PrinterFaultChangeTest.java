package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrinterFaultChangeTest {
    static final Instant T = Instant.EPOCH;
    static final PrinterStatus OK = PrinterStatus.observed(Set.of(), T, "ready");
    static final PrinterStatus PAPER_OUT = PrinterStatus.observed(Set.of(PrinterFault.PAPER_END, PrinterFault.OFFLINE), T, "");
    static final PrinterStatus NEAR_END = PrinterStatus.observed(Set.of(PrinterFault.PAPER_NEAR_END), T, "");
    static final PrinterStatus UNKNOWN = PrinterStatus.unknown(T, "one-way");

    @Test
    void paperOutIsRaisedThenClearedByARefill() {
        var raised = PrinterFaultChange.between(OK, PAPER_OUT).orElseThrow();
        assertEquals(Set.of(PrinterFault.PAPER_END, PrinterFault.OFFLINE), raised.raised());
        assertEquals(Set.of(), raised.cleared());
        var cleared = PrinterFaultChange.between(PAPER_OUT, NEAR_END).orElseThrow();
        assertEquals(Set.of(PrinterFault.PAPER_NEAR_END), cleared.raised());
        assertEquals(Set.of(PrinterFault.PAPER_END, PrinterFault.OFFLINE), cleared.cleared());
    }

    @Test
    void unknownClearsOnlyLinkFaultsAndSameStateIsSilent() {
        assertTrue(PrinterFaultChange.between(PAPER_OUT, UNKNOWN).isEmpty());
        var writeFailed = PrinterStatus.fault(PrinterFault.WRITE_FAILED, T, "timed out");
        assertEquals(Set.of(PrinterFault.WRITE_FAILED), PrinterFaultChange.between(writeFailed, UNKNOWN).orElseThrow().cleared());
        assertTrue(PrinterFaultChange.between(OK, OK).isEmpty());
        assertTrue(PrinterFaultChange.between(UNKNOWN, OK).isEmpty());
    }
}
