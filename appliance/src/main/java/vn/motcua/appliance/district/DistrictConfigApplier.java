package vn.motcua.appliance.district;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.service.HallMessages;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.uplink.ConfigApplier;
import vn.motcua.appliance.uplink.Outcome;

/**
 * Applies the office configuration the district pushes: services, counters, opening hours, announcements.
 * Validated completely first; then written to {@code district-config.json} in the data folder (atomically,
 * synced) and put in force without losing a ticket. At start the appliance applies the saved one again, so
 * the district's layout survives restarts and wins over the file's until the district changes it.
 */
public final class DistrictConfigApplier implements ConfigApplier {
    private static final Logger log = LoggerFactory.getLogger(DistrictConfigApplier.class);
    static final String FILE = "district-config.json";

    private final Path file;
    private final QueueService queue;
    private final HallMessages hall;
    private volatile String version;

    public DistrictConfigApplier(Path dataDir, QueueService queue, HallMessages hall) {
        this.file = dataDir.resolve(FILE);
        this.queue = queue;
        this.hall = hall;
    }

    /** Re-applies the saved district config at start; a saved one that no longer applies is logged and ignored. */
    public void restore() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonNode saved = EventJson.mapper().readTree(Files.readString(file));
            Outcome o = put(saved.path("version").asText(null), saved.path("config"), false);
            if (!o.ok()) {
                log.warn("Saved district config {} not applied: {}", file, o.reason());
            }
        } catch (IOException e) {
            log.warn("Saved district config {} unreadable: {}", file, e.toString());
        }
    }

    @Override
    public String currentVersion() {
        return version;
    }

    @Override
    public synchronized Outcome apply(String newVersion, JsonNode config) {
        return put(newVersion, config, true);
    }

    private synchronized Outcome put(String newVersion, JsonNode config, boolean save) {
        OfficeLayout next;
        try {
            next = DistrictConfig.layout(config, queue.layout().rules(), queue.layout());
        } catch (IllegalArgumentException e) {
            return Outcome.refused(e.getMessage());
        }
        OfficeLayout before = queue.layout();
        try {
            queue.replaceLayout(next);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(e.getMessage());
        }
        if (save) {
            try {
                write(newVersion, config);
            } catch (IOException e) {
                queue.replaceLayout(before); // the old layout strands nothing: it was in force a moment ago
                return Outcome.refused("the appliance could not save the config");
            }
        }
        version = newVersion;
        announcements(config.path("announcements"));
        log.info("District config {} in force: {} services, {} counters", newVersion, next.services().size(),
                next.counters().size());
        return Outcome.done();
    }

    private void announcements(JsonNode list) {
        if (!list.isArray()) {
            return;
        }
        List<String> vi = new ArrayList<>();
        List<String> en = new ArrayList<>();
        list.forEach(a -> {
            vi.add(a.path("vi").asText(""));
            en.add(a.path("en").asText(""));
        });
        hall.set(String.join(" · ", vi), String.join(" · ", en), null);
    }

    private void write(String newVersion, JsonNode config) throws IOException {
        ObjectNode saved = EventJson.mapper().createObjectNode();
        saved.put("version", newVersion);
        saved.set("config", config);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(StandardCharsets.UTF_8.encode(EventJson.mapper().writeValueAsString(saved)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
