package vn.motcua.appliance.uplink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads host figures for telemetry. Each is optional: a missing sensor is null, never an error. */
public final class HostProbe {
    private static final Path THERMAL = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private HostProbe() {}

    /** Usable bytes on the file system holding {@code dir}, or null if it cannot be read. */
    public static Long diskFree(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** SoC temperature in °C from the kernel's thermal zone (Pi 4: millidegrees), or null. */
    public static Double cpuTemperature() {
        try {
            String s = Files.readString(THERMAL).strip();
            return Long.parseLong(s) / 1000.0;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
