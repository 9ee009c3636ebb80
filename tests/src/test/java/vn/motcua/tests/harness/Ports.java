package vn.motcua.tests.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free port for a program the test starts (the appliance, Mosquitto), which binds it only seconds later and may
 * be restarted on it. Taken below the kernel's ephemeral range: a port from {@code new ServerSocket(0)} lies inside
 * it, so while the program starts, an outgoing connection (the test's own polling of that very port, which then
 * connects to itself) can take it, and the program's bind fails. Outside the range only another listener can.
 */
public final class Ports {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;

    private Ports() {}

    /** A port free on the loopback address and the wildcard address now, outside the ephemeral range. */
    public static int forAListener() throws IOException {
        int below = ephemeralStart();
        if (below - LOWEST < 1_000) { // an unusual range: the ephemeral port is the best there is
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (free(port)) {
                return port;
            }
        }
        throw new IOException("no free port between " + LOWEST + " and " + below + " after 200 tries");
    }

    private static boolean free(int port) {
        try (ServerSocket any = new ServerSocket(); ServerSocket loop = new ServerSocket()) {
            any.bind(new InetSocketAddress(port), 1);
            any.close();
            loop.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralStart() {
        try {
            return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32_768; // Linux's default
        }
    }
}
