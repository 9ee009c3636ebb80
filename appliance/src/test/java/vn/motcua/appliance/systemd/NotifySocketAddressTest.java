package vn.motcua.appliance.systemd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NotifySocketAddressTest {

    @Test
    void filesystemPathIsFamilyThenPathThenNul() {
        byte[] expected = {
            0x01, 0x00,                         // sun_family = AF_UNIX (1), little-endian
            '/', 'r', 'u', 'n', '/', 'n',       // sun_path "/run/n"
            0x00,                               // terminating NUL, counted in addrlen
        };
        assertArrayEquals(expected, NotifySocketAddress.parse("/run/n").orElseThrow().bytes());
    }

    @Test
    void abstractNameHasLeadingNulAndNoTrailingNul() {
        byte[] expected = {
            0x01, 0x00,                         // sun_family = AF_UNIX
            0x00, 'n', 't', 'f',                // '@ntf' on the wire: NUL + name, no terminator
        };
        assertArrayEquals(expected, NotifySocketAddress.parse("@ntf").orElseThrow().bytes());
    }

    @Test
    void systemdDefaultSocket() {
        byte[] b = NotifySocketAddress.parse("/run/systemd/notify").orElseThrow().bytes();
        assertEquals(2 + 19 + 1, b.length);
    }

    @Test
    void refusesWhatSystemdNeverSends() {
        assertTrue(NotifySocketAddress.parse(null).isEmpty());
        assertTrue(NotifySocketAddress.parse("").isEmpty());
        assertTrue(NotifySocketAddress.parse("@").isEmpty(), "abstract name without a name");
        assertTrue(NotifySocketAddress.parse("relative/path").isEmpty());
        assertTrue(NotifySocketAddress.parse("vsock:2:1234").isEmpty());
        assertTrue(NotifySocketAddress.parse("/a\0b").isEmpty(), "embedded NUL");
        assertTrue(NotifySocketAddress.parse("/" + "x".repeat(107)).isEmpty(), "108 bytes + NUL > 108");
        assertTrue(NotifySocketAddress.parse("/" + "x".repeat(106)).isPresent(), "107 bytes + NUL fits");
        assertTrue(NotifySocketAddress.parse("@" + "x".repeat(107)).isPresent(), "abstract: 108 fits");
    }
}
