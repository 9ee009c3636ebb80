package vn.motcua.bus.transport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import vn.motcua.linux.LinuxFd;

/**
 * Reads the kernel's RS-485 settings of a tty ({@code ioctl(TIOCGRS485)}) through {@link LinuxFd}: jSerialComm
 * gives no way to read them back and its setter's {@code true} only means the call was made. Linux only; anything
 * else reports "not verifiable".
 */
public final class Rs485Check {
    private static final long TIOCGRS485 = 0x542E;
    private static final int SER_RS485_ENABLED = 1;
    /** {@code sizeof(struct serial_rs485)} */
    private static final int SERIAL_RS485_BYTES = 32;
    private static final int ENOTTY = 25;

    /** What the kernel said. */
    public record Result(boolean enabled, String detail) {}

    private Rs485Check() {}

    public static Result read(String device) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return new Result(false, "not verifiable on " + System.getProperty("os.name"));
        }
        int fd;
        try {
            fd = LinuxFd.open(device, LinuxFd.O_RDWR | LinuxFd.O_NOCTTY | LinuxFd.O_NONBLOCK);
        } catch (LinuxFd.ErrnoException e) {
            return new Result(false, "cannot open " + device + " to check (errno " + e.errno() + ")");
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            return new Result(false, "not verifiable: " + e);
        }
        try {
            byte[] rs485 = new byte[SERIAL_RS485_BYTES];
            int errno = LinuxFd.ioctl(fd, TIOCGRS485, rs485);
            if (errno != 0) {
                return new Result(false, errno == ENOTTY ? "driver has no RS-485 mode (ENOTTY)" : "TIOCGRS485 errno " + errno);
            }
            int flags = ByteBuffer.wrap(rs485).order(ByteOrder.nativeOrder()).getInt(0);
            return (flags & SER_RS485_ENABLED) != 0
                    ? new Result(true, "kernel reports SER_RS485_ENABLED (flags 0x" + Integer.toHexString(flags) + ")")
                    : new Result(false, "kernel reports RS-485 off (flags 0x" + Integer.toHexString(flags) + ")");
        } catch (RuntimeException e) {
            return new Result(false, "not verifiable: " + e);
        } finally {
            LinuxFd.close(fd);
        }
    }
}
