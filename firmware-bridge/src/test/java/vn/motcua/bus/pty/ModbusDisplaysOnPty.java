package vn.motcua.bus.pty;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import vn.motcua.bus.modbus.SimulatedModbusDisplays;

/**
 * {@link SimulatedModbusDisplays} on the device end of a {@link SocatPty}: the displays on the far side of the
 * cable, reading the RTU bytes the real adapter (jSerialComm) writes and writing their answers back. Shared with
 * the appliance's tests through firmware-bridge's test-jar.
 */
public final class ModbusDisplaysOnPty {
    /** A "write single register" request: unit, function, register (2), value (2), CRC (2). */
    private static final int REQUEST_LENGTH = 8;

    private ModbusDisplaysOnPty() {}

    /**
     * Serves {@code displays} on a daemon thread and returns once that end of the pty is open. The adapter under
     * test sends one request and waits for its answer (or its timeout) before the next, so the bytes arrive as
     * whole 8-byte requests; the thread ends when the pty goes at the end of the test.
     */
    public static void serve(SocatPty pty, SimulatedModbusDisplays displays) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name("modbus-displays-on-pty").start(() -> {
            try (FileInputStream in = new FileInputStream(pty.device.toFile());
                 FileOutputStream out = new FileOutputStream(pty.device.toFile())) {
                displays.open();
                ready.countDown();
                answer(in, out, displays);
            } catch (IOException e) {
                // the pty is gone at the end of the test: the displays stop
            }
        });
        if (!ready.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the simulated Modbus displays could not open their end of the pty");
        }
    }

    private static void answer(FileInputStream in, FileOutputStream out, SimulatedModbusDisplays displays)
            throws IOException {
        byte[] request = new byte[REQUEST_LENGTH];
        byte[] reply = new byte[16];
        while (true) {
            int n = 0;
            while (n < REQUEST_LENGTH) {
                int got = in.read(request, n, REQUEST_LENGTH - n);
                if (got < 0) {
                    return;
                }
                n += got;
            }
            displays.write(request.clone());
            int len = displays.read(reply, 0);
            if (len > 0) {
                out.write(reply, 0, len);
                out.flush();
            }
        }
    }
}
