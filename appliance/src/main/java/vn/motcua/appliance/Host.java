package vn.motcua.appliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import vn.motcua.appliance.config.ApplianceConfig;

/** Facts read from the Linux host, with safe answers elsewhere. */
final class Host {
    private Host() {}

    /** The kernel's id of this boot; monotonic times count from it. Random (and so never reused) if unreadable. */
    static String bootId() {
        try {
            String id = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
            return id.matches("[0-9a-f-]{36}") ? id : UUID.randomUUID().toString();
        } catch (IOException e) {
            return UUID.randomUUID().toString();
        }
    }

    /**
     * Whether the wall clock is known to be synchronised. The Pi has no real-time clock: after a power cut its
     * time is wrong until NTP syncs. systemd-timesyncd creates this file once it has synchronised.
     */
    static boolean clockSynchronised() {
        return Files.exists(Path.of("/run/systemd/timesync/synchronized"));
    }

    /** Whether the wall clock can be believed now, as {@code appliance.wall_clock} says to decide it. */
    static BooleanSupplier wallClockTrusted(ApplianceConfig.WallClock mode) {
        return mode == ApplianceConfig.WallClock.SYSTEM ? () -> true : Host::clockSynchronised;
    }
}
