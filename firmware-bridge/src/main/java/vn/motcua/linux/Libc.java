package vn.motcua.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The one binding of the libc calls motcua makes through Java's FFM API (final since Java 22), each linked once,
 * when this class is first used (linking costs about a second of CPU on a Pi: see BENCHMARKS.md, "Field:
 * sd_notify"). Every call but {@code close} captures errno. Used by {@link LinuxFd} (device files) and
 * {@link UnixDatagram} (systemd's notify socket); the JVM needs {@code --enable-native-access=ALL-UNNAMED} (the
 * appliance jar's manifest says so) to call them without a warning. Linux only; flag values are those of Linux on
 * arm64 and x86-64.
 */
final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_CAPTURE = Linker.Option.captureCallState("errno");

    /** {@code int open(const char *path, int flags, ...mode)} */
    static final MethodHandle OPEN = link("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            ERRNO_CAPTURE, Linker.Option.firstVariadicArg(2));
    /** {@code int ioctl(int fd, unsigned long request, ...int)} */
    static final MethodHandle IOCTL_INT = link("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT),
            ERRNO_CAPTURE, Linker.Option.firstVariadicArg(2));
    /** {@code int ioctl(int fd, unsigned long request, ...void *struct)} */
    static final MethodHandle IOCTL_POINTER = link("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG,
            ADDRESS), ERRNO_CAPTURE, Linker.Option.firstVariadicArg(2));
    /** {@code int poll(struct pollfd *fds, nfds_t n, int timeoutMs)} */
    static final MethodHandle POLL = link("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT),
            ERRNO_CAPTURE);
    /** {@code ssize_t read(int fd, void *buf, size_t n)} */
    static final MethodHandle READ = link("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
            ERRNO_CAPTURE);
    /** {@code ssize_t write(int fd, const void *buf, size_t n)} */
    static final MethodHandle WRITE = link("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
            ERRNO_CAPTURE);
    /** {@code int socket(int domain, int type, int protocol)} */
    static final MethodHandle SOCKET = link("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
            ERRNO_CAPTURE);
    /** {@code ssize_t sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *to, socklen_t len)} */
    static final MethodHandle SENDTO = link("sendto", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG,
            JAVA_INT, ADDRESS, JAVA_INT), ERRNO_CAPTURE);
    /** {@code int close(int fd)}: best effort, its errno is of no use (the fd is gone either way) */
    static final MethodHandle CLOSE = link("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private Libc() {}

    /** Links every call now (class initialisation, once), so that the first real call is fast. */
    static void link() {
        if (OPEN == null || SENDTO == null || CLOSE == null) {
            throw new IllegalStateException("libc calls not linked");
        }
    }

    /** Where a call leaves its errno; the first argument of every call but {@code close}. */
    static MemorySegment callState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    /** Closes {@code fd}, ignoring the outcome. */
    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            // closing is best effort: the fd is gone either way
        }
    }

    @SuppressWarnings("restricted") // native access is the point of this class; see the class doc
    private static MethodHandle link(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }
}
