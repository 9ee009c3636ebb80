package vn.motcua.appliance.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A store problem that needs a person: what was damaged or lost, kept in {@code store-attention.json} in the data
 * folder so the health page stays red across restarts until a technician acknowledges it. Acknowledging renames
 * the file (the record is kept beside it); it does not undo anything.
 */
public final class StoreAttention {
    static final String FILE = "store-attention.json";
    private final Path dir;
    private final Clock clock;

    public StoreAttention(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Records a problem (replacing an unacknowledged one: the new record says what this start found). */
    public void raise(Map<String, Object> finding) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.write(tmp, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(finding));
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The unacknowledged problem's summary, if there is one. */
    public Optional<String> pending() {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = EventJson.mapper().readTree(f.toFile());
            return Optional.of(n.path("summary").asText("store damaged or incomplete; see " + f));
        } catch (IOException e) {
            return Optional.of("store damaged or incomplete; see " + f);
        }
    }

    /** Marks the problem seen; returns false when there was none. */
    public boolean acknowledge() throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return false;
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        Files.move(f, dir.resolve("store-attention-acknowledged-" + stamp + ".json"), StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
