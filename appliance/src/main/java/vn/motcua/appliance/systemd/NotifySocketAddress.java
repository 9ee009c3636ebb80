package vn.motcua.appliance.systemd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns the value of {@code $NOTIFY_SOCKET} into the bytes of a Linux {@code struct sockaddr_un}.
 *
 * <p>Pure function, no I/O, so the exact bytes the kernel sees are pinned by unit tests. Layout
 * (x86-64 and arm64 alike, little-endian): {@code sa_family_t sun_family} (2 bytes, AF_UNIX = 1)
 * then {@code char sun_path[108]}. systemd passes either a filesystem path ({@code /run/systemd/notify})
 * or an abstract name written with a leading {@code @}, which on the wire is a leading NUL byte and
 * no terminating NUL; the address length then counts exactly the name bytes, as sd_notify(3) does.
 */
public final class NotifySocketAddress {
    /** {@code sizeof(sun_path)} on Linux. */
    static final int SUN_PATH_MAX = 108;
    static final short AF_UNIX = 1;

    private final byte[] sockaddr;

    private NotifySocketAddress(byte[] sockaddr) {
        this.sockaddr = sockaddr;
    }

    /**
     * Parses {@code $NOTIFY_SOCKET}; empty when the value is missing, blank, not an absolute path or
     * abstract name, or too long for {@code sun_path} (such a value cannot have come from systemd).
     */
    public static Optional<NotifySocketAddress> parse(String notifySocket) {
        if (notifySocket == null || notifySocket.isEmpty()) {
            return Optional.empty();
        }
        byte[] name = notifySocket.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = name[0] == '@';
        if (!abstractName && name[0] != '/') {
            return Optional.empty(); // e.g. "vsock:..." which a Pi never gets; refuse rather than guess
        }
        // A path needs room for its terminating NUL; an abstract name has none.
        int pathBytes = abstractName ? name.length : name.length + 1;
        if (name.length < 2 || pathBytes > SUN_PATH_MAX || contains(name, (byte) 0)) {
            return Optional.empty();
        }
        byte[] addr = new byte[2 + pathBytes];
        addr[0] = (byte) AF_UNIX; // little-endian sa_family_t
        addr[1] = 0;
        System.arraycopy(name, 0, addr, 2, name.length);
        if (abstractName) {
            addr[2] = 0; // '@' means "abstract namespace": the kernel wants a leading NUL
        }
        return Optional.of(new NotifySocketAddress(addr));
    }

    /** The {@code struct sockaddr_un} bytes, exactly {@code addrlen} long. */
    public byte[] bytes() {
        return sockaddr.clone();
    }

    private static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotifySocketAddress other && Arrays.equals(sockaddr, other.sockaddr);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sockaddr);
    }
}
