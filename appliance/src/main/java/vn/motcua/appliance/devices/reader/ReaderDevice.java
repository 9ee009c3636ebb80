package vn.motcua.appliance.devices.reader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the configured code reader (serial or evdev) with its scan pipeline and the office's resident
 * key (made on first start under the data folder). Wiring only. The reader is not started: call
 * {@link CodeReader#start()} after adding listeners.
 */
public final class ReaderDevice {
    private ReaderDevice() {}

    /** Empty when the reader is off. */
    public static Optional<CodeReader> open(ReaderSetup s, Path dataDir, Executor io, ScheduledExecutorService scheduler,
                                            Clock clock, ZoneId zone) throws IOException {
        if (s.mode() == ReaderSetup.Mode.OFF) {
            return Optional.empty();
        }
        Path keyFile = dataDir.resolve(s.residentKeyFile());
        ReaderSettings settings = s.settings(ResidentKeyFile.loadOrCreate(keyFile));
        ScanPipeline pipeline = new ScanPipeline(settings, new CodeClassifier(settings, clock, zone), System::nanoTime);
        return Optional.of(switch (s.mode()) {
            case SERIAL -> new SerialCodeReader(s.port(), s.baud(), pipeline, scheduler, clock, Duration.ofSeconds(2),
                    Duration.ofMillis(20));
            case SIMULATED -> new SimulatedCodeReader(pipeline, scheduler, clock);
            default -> new EvdevCodeReader(s.device(), s.grab(), pipeline, io, scheduler, clock, Duration.ofSeconds(2));
        });
    }
}
