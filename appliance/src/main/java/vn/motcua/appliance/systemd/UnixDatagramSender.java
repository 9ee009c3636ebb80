package vn.motcua.appliance.systemd;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Sends one datagram to an AF_UNIX socket through libc, using the FFM API (final since Java 22).
 *
 * <p>Why hand-written: {@code java.nio} supports Unix-domain stream sockets only, and systemd's
 * notify socket is SOCK_DGRAM. The alternative, junixsocket, ships a native library per platform
 * (about 1 MB of jars) to do what three libc calls do here; see provisioning/README.md, section
 * "Why FFM for sd_notify", for the measured cost of both. Like sd_notify(3) a fresh socket is used
 * per message, so there is no descriptor to go stale across a systemd re-exec.
 *
 * <p>The JVM needs {@code --enable-native-access=ALL-UNNAMED} (or the jar manifest entry
 * {@code Enable-Native-Access: ALL-UNNAMED}) to call this without a warning.
 */
final class UnixDatagramSender {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;  // same value on x86-64 and arm64
    private static final int MSG_NOSIGNAL = 0x4000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SOCKET = downcall("socket",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT));
    private static final MethodHandle SENDTO = downcall("sendto",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = downcall("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private UnixDatagramSender() {}

    /** Forces class initialisation, i.e. the linking of the three downcalls above. */
    static void link() {
        // Reading a static field of this class is enough to run its initialiser exactly once.
        if (SOCKET == null || SENDTO == null || CLOSE == null) {
            throw new IllegalStateException("libc calls not linked");
        }
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        SymbolLookup libc = LINKER.defaultLookup();
        MemorySegment symbol = libc.find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
    }

    /**
     * Sends {@code payload} as one datagram to {@code sockaddr}.
     *
     * @return 0 on success, else the errno of the call that failed (e.g. 111 ECONNREFUSED, 2 ENOENT)
     */
    static int send(byte[] sockaddr, byte[] payload) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) SOCKET.invokeExact(state, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                return (int) ERRNO.get(state, 0L);
            }
            try {
                MemorySegment addr = arena.allocateFrom(ValueLayout.JAVA_BYTE, sockaddr);
                MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, payload);
                long sent = (long) SENDTO.invokeExact(state, fd, buf, (long) payload.length,
                        MSG_NOSIGNAL, addr, sockaddr.length);
                if (sent < 0) {
                    return (int) ERRNO.get(state, 0L);
                }
                return sent == payload.length ? 0 : -1;
            } finally {
                int ignored = (int) CLOSE.invokeExact(state, fd);
            }
        } catch (Throwable t) {
            // invokeExact declares Throwable; a linkage error here is a bug, not a device fault.
            throw new IllegalStateException("libc call failed", t);
        }
    }
}
