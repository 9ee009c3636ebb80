package vn.motcua.provisioning;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import vn.motcua.appliance.systemd.SystemdNotifier;

/**
 * Side-by-side cost of one sd_notify datagram: the appliance's FFM sender against junixsocket, in one
 * JVM, same receiver (socat draining a real AF_UNIX datagram socket), both opening a socket per
 * message like sd_notify(3). Prints figures; asserts nothing about time (figures go to BENCHMARKS.md).
 * Run: ./mvnw -B -pl provisioning -am verify -Dmotcua.bench=true -Dit.test=NotifyBenchmarkTest
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class NotifyBenchmarkTest {
    private static final int WARMUP = 5_000;
    private static final int N = 20_000;

    @Test
    void ffmAgainstJunixsocket(@TempDir Path tmp) throws Exception {
        Path sock = tmp.resolve("notify");
        Process socat = new ProcessBuilder("socat", "-u", "UNIX-RECV:" + sock, "OPEN:/dev/null")
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 200 && !Files.exists(sock); i++) {
                Thread.sleep(10);
            }
            // Logging starts first in the appliance anyway: keep its start-up out of the first-call figure.
            org.slf4j.LoggerFactory.getLogger(NotifyBenchmarkTest.class).info("benchmark start");
            long t0 = System.nanoTime();
            SystemdNotifier ffm = SystemdNotifier.from(Map.of("NOTIFY_SOCKET", sock.toString()), 1);
            ffm.watchdog();
            long ffmFirst = System.nanoTime() - t0;

            byte[] msg = "WATCHDOG=1".getBytes(StandardCharsets.UTF_8);
            AFUNIXSocketAddress addr = AFUNIXSocketAddress.of(sock.toFile());
            t0 = System.nanoTime();
            junixSend(addr, msg);
            long junixFirst = System.nanoTime() - t0;

            long[] a = new long[N];
            long[] b = new long[N];
            for (int i = 0; i < WARMUP; i++) {
                ffm.watchdog();
                junixSend(addr, msg);
            }
            for (int i = 0; i < N; i++) {   // interleaved, so machine load hits both alike
                long s = System.nanoTime();
                ffm.watchdog();
                a[i] = System.nanoTime() - s;
                s = System.nanoTime();
                junixSend(addr, msg);
                b[i] = System.nanoTime() - s;
            }
            Arrays.sort(a);
            Arrays.sort(b);
            long jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(p -> p.contains("junixsocket")).mapToLong(p -> new File(p).length()).sum();
            System.out.printf("sd_notify WATCHDOG=1, socket per message, N=%d (after %d warm-up)%n", N, WARMUP);
            System.out.printf("  FFM        p50 %6.1f us  p99 %6.1f us  first call %6.1f ms  extra jars 0 KB%n",
                    a[N / 2] / 1e3, a[N * 99 / 100] / 1e3, ffmFirst / 1e6);
            System.out.printf("  junixsocket p50 %6.1f us  p99 %6.1f us  first call %6.1f ms  extra jars %d KB%n",
                    b[N / 2] / 1e3, b[N * 99 / 100] / 1e3, junixFirst / 1e6, jars / 1024);
            System.out.printf("  ratio FFM/junixsocket p50 %.2f  p99 %.2f  failures FFM %d%n",
                    (double) a[N / 2] / b[N / 2], (double) a[N * 99 / 100] / b[N * 99 / 100], ffm.failures());
        } finally {
            socat.destroy();
        }
    }

    private static void junixSend(AFUNIXSocketAddress addr, byte[] msg) throws Exception {
        try (AFUNIXDatagramChannel ch = AFUNIXDatagramChannel.open()) {
            ch.send(ByteBuffer.wrap(msg), addr);
        }
    }
}
