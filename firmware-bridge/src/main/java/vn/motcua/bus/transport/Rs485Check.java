package vn.motcua.bus.transport;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Reads the kernel's RS-485 settings of a tty ({@code ioctl(TIOCGRS485)}) through the Java
 * foreign-function API: jSerialComm gives no way to read them back and its setter's {@code true}
 * only means the call was made. Linux only; anything else reports "not verifiable".
 */
public final class Rs485Check {
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0x100;
    private static final int O_NONBLOCK = 0x800;
    private static final long TIOCGRS485 = 0x542E;
    private static final int SER_RS485_ENABLED = 1;

    /** What the kernel said. */
    public record Result(boolean enabled, String detail) {}

    private Rs485Check() {}

    @SuppressWarnings("restricted") // native access is the point: the appliance runs with --enable-native-access
    public static Result read(String device) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return new Result(false, "not verifiable on " + System.getProperty("os.name"));
        }
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            StructLayout errnoLayout = Linker.Option.captureStateLayout();
            VarHandle errnoHandle = errnoLayout.varHandle(
                    java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
            MemorySegment state = arena.allocate(errnoLayout);
            MethodHandle open = linker.downcallHandle(linker.defaultLookup().findOrThrow("open"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                    Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(2));
            MethodHandle ioctl = linker.downcallHandle(linker.defaultLookup().findOrThrow("ioctl"),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
                    Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(2));
            MethodHandle close = linker.downcallHandle(linker.defaultLookup().findOrThrow("close"),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            int fd = (int) open.invokeExact(state, arena.allocateFrom(device), O_RDWR | O_NOCTTY | O_NONBLOCK, 0);
            if (fd < 0) {
                return new Result(false, "cannot open " + device + " to check (errno " + errnoHandle.get(state, 0L) + ")");
            }
            try {
                MemorySegment rs485 = arena.allocate(32); // struct serial_rs485
                int rc = (int) ioctl.invokeExact(state, fd, TIOCGRS485, rs485);
                if (rc != 0) {
                    int errno = (int) errnoHandle.get(state, 0L);
                    return new Result(false, errno == 25 ? "driver has no RS-485 mode (ENOTTY)" : "TIOCGRS485 errno " + errno);
                }
                int flags = rs485.get(JAVA_INT, 0);
                return (flags & SER_RS485_ENABLED) != 0
                        ? new Result(true, "kernel reports SER_RS485_ENABLED (flags 0x" + Integer.toHexString(flags) + ")")
                        : new Result(false, "kernel reports RS-485 off (flags 0x" + Integer.toHexString(flags) + ")");
            } finally {
                int ignored = (int) close.invokeExact(fd);
            }
        } catch (Throwable t) {
            return new Result(false, "not verifiable: " + t);
        }
    }
}
