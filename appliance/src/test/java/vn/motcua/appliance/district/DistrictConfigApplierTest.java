package vn.motcua.appliance.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.bus.MutableClock;
import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.service.HallMessages;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.appliance.uplink.Outcome;

class DistrictConfigApplierTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private QueueStore store;
    private QueueService queue;
    private final HallMessages hall = new HallMessages(clock);

    @BeforeEach
    void open() throws Exception {
        store = new QueueStore(Database.open(dir, clock).connection(),
                new EventStamper("t", clock, "b", () -> true), Watermarks.load(dir), CommitJournal.open(dir, 1 << 20));
        queue = new QueueService(TestOffices.small(), clock, store);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private static JsonNode json(String s) throws Exception {
        return EventJson.mapper().readTree(s);
    }

    private static final String THREE_SERVICES = """
            {"services":[{"code":"ho-tich","nameVi":"Hộ tịch","nameEn":"Civil status","prefix":"A"},
                         {"code":"dat-dai","nameVi":"Đất đai","nameEn":"Land","prefix":"B"},
                         {"code":"thue","nameVi":"Thuế","nameEn":"Tax","prefix":"T"}],
             "counters":[{"number":1,"services":["ho-tich","dat-dai"]},{"number":2,"services":["thue"]}],
             "openingHours":{"mon":"00:00-12:00,12:00-23:59","tue":"00:00-12:00,12:00-23:59",
                             "wed":"00:00-12:00,12:00-23:59","thu":"00:00-12:00,12:00-23:59",
                             "fri":"00:00-12:00,12:00-23:59","sat":"00:00-12:00,12:00-23:59",
                             "sun":"00:00-12:00,12:00-23:59"},
             "announcements":[{"vi":"Nghỉ lễ 2/9","en":"Closed on 2 September"}]}""";

    @Test
    void theDistrictAddsAServiceAndTheWaitingResidentsKeepTheirTickets() throws Exception {
        queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
        DistrictConfigApplier applier = new DistrictConfigApplier(dir, queue, hall);
        Outcome o = applier.apply("2026-11-21.1", json(THREE_SERVICES));
        assertTrue(o.ok(), o.reason());
        assertEquals("2026-11-21.1", applier.currentVersion());
        assertEquals(1L, (long) queue.read(e -> e.waiting("ho-tich")));
        assertEquals("T001", queue.execute(e -> e.issueTicket("thue", Priority.NORMAL, null)).ticket().number());
        assertEquals("Nghỉ lễ 2/9", hall.current().orElseThrow().textVi());
        assertTrue(Files.exists(dir.resolve(DistrictConfigApplier.FILE)), "persisted");

        // after a restart the district's layout is back in force
        QueueService restarted = new QueueService(TestOffices.small(), clock, store);
        DistrictConfigApplier again = new DistrictConfigApplier(dir, restarted, new HallMessages(clock));
        again.restore();
        assertEquals("2026-11-21.1", again.currentVersion());
        assertTrue(restarted.layout().service("thue").isPresent());
    }

    @Test
    void aConfigThatWouldStrandWaitingResidentsIsRefusedAndChangesNothing() throws Exception {
        queue.execute(e -> e.issueTicket("dat-dai", Priority.NORMAL, null));
        DistrictConfigApplier applier = new DistrictConfigApplier(dir, queue, hall);
        Outcome o = applier.apply("v2", json("""
                {"services":[{"code":"ho-tich","nameVi":"Hộ tịch","nameEn":"Civil status","prefix":"A"}],
                 "counters":[{"number":1,"services":["ho-tich"]}]}"""));
        assertFalse(o.ok());
        assertTrue(o.reason().contains("dat-dai has waiting tickets"), o.reason());
        assertTrue(queue.layout().service("dat-dai").isPresent(), "old layout kept");
        assertFalse(Files.exists(dir.resolve(DistrictConfigApplier.FILE)));
        assertEquals(null, applier.currentVersion());
    }

    @Test
    void malformedConfigsAreRefusedWithAReason() throws Exception {
        DistrictConfigApplier applier = new DistrictConfigApplier(dir, queue, hall);
        assertEquals("an office needs at least one service", applier.apply("x", json("{\"services\":[]}")).reason());
        assertFalse(applier.apply("x", json("""
                {"services":[{"code":"a","nameVi":"A","nameEn":"A","prefix":"AB"}],"counters":[{"number":1,"services":["a"]}]}""")).ok());
        assertFalse(applier.apply("x", json("""
                {"services":[{"code":"a","nameVi":"A","nameEn":"A","prefix":"A"}],"counters":[{"number":1,"services":["zz"]}]}""")).ok());
        assertFalse(applier.apply("x", json("""
                {"services":[{"code":"a","nameVi":"A","nameEn":"A","prefix":"A"}],"counters":[{"number":1,"services":["a"]}],
                 "openingHours":{"mon":"7h-17h"}}""")).ok());
        assertEquals(2, queue.layout().services().size(), "nothing changed");
    }
}
