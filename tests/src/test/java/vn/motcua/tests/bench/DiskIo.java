package vn.motcua.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes this process caused to be written to storage, from /proc/self/io (Linux). */
final class DiskIo {
    private DiskIo() {}

    static long writeBytes() {
        return field("write_bytes");
    }

    static long syscallWrites() {
        return field("syscw");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.substring(name.length() + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
