package vn.motcua.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Sends one datagram to an AF_UNIX socket through {@link Libc}: {@code java.nio} supports Unix-domain stream
 * sockets only, and systemd's notify socket is SOCK_DGRAM. The alternative, junixsocket, ships a native library
 * per platform (about 1 MB of jars) to do what three libc calls do here; see provisioning/README.md, section "Why
 * FFM for sd_notify". Like sd_notify(3) a fresh socket is used per message, so there is no descriptor to go stale
 * across a systemd re-exec.
 */
public final class UnixDatagram {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;  // same value on x86-64 and arm64
    private static final int MSG_NOSIGNAL = 0x4000;

    private UnixDatagram() {}

    /** Links the libc calls now, so the first message is fast (meant to run while the rest of start-up goes on). */
    public static void link() {
        Libc.link();
    }

    /**
     * Sends {@code payload} as one datagram to {@code sockaddr} (a {@code struct sockaddr_un}).
     *
     * @return 0 on success, else the errno of the call that failed (e.g. 111 ECONNREFUSED, 2 ENOENT); -1 when the
     *         datagram went out short
     */
    public static int send(byte[] sockaddr, byte[] payload) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            int fd = (int) Libc.SOCKET.invokeExact(state, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                return Libc.errno(state);
            }
            try {
                MemorySegment addr = arena.allocateFrom(ValueLayout.JAVA_BYTE, sockaddr);
                MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, payload);
                long sent = (long) Libc.SENDTO.invokeExact(state, fd, buf, (long) payload.length,
                        MSG_NOSIGNAL, addr, sockaddr.length);
                if (sent < 0) {
                    return Libc.errno(state);
                }
                return sent == payload.length ? 0 : -1;
            } finally {
                Libc.close(fd);
            }
        } catch (Throwable t) {
            // invokeExact declares Throwable; a linkage error here is a bug, not a device fault.
            throw new IllegalStateException("libc call failed", t);
        }
    }
}
