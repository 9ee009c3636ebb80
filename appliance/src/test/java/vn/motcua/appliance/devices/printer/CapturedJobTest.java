package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;

/**
 * A recorded print job (the bytes {@code EscPosPrinter} wrote for ticket A023 on 80 mm paper with a
 * native QR, status queries included) replayed into the simulator: guards the simulator's parser
 * and renderer independently of today's encoder. Re-record with {@code -Dmotcua.recordJob=true}.
 */
class CapturedJobTest {
    static final String CAPTURE = "/vn/motcua/appliance/devices/printer/job-a023-80mm-native-qr.escpos";

    @Test
    void theRecordedJobPrintsOneTicketWhoseQrDecodes() throws Exception {
        byte[] job;
        try (InputStream in = CapturedJobTest.class.getResourceAsStream(CAPTURE)) {
            job = in.readAllBytes();
        }
        var sim = new SimulatedPrinter(576, null);
        var answers = new java.io.ByteArrayOutputStream();
        sim.answerTo(answers::writeBytes);
        for (int off = 0; off < job.length; off += 977) { // arbitrary chunks, like a tty delivers them
            sim.accept(job, off, Math.min(977, job.length - off));
        }
        assertEquals(1, sim.tickets().size());
        assertEquals(0, sim.unknownBytes());
        assertEquals(Tickets.URL, Tickets.decodeQr(sim.tickets().getFirst()));
        assertEquals(8, answers.size(), "4 status queries before and 4 after the ticket were answered");
    }
}
