package vn.motcua.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory as the kernel counts it, for the benchmarks' RSS figures. */
final class ProcessMemory {
    private ProcessMemory() {}

    /** VmRSS of {@code pid} in KiB. */
    static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }
}
