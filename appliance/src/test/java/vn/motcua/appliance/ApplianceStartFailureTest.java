package vn.motcua.appliance;

import vn.motcua.appliance.parts.PartFailedException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.service.Health;

/**
 * The real appliance's parts, in their order; when the web port is taken the screens part fails, /healthz names
 * it, and the parts started before it are closed: the scheduler thread ends and the store can be opened again.
 */
class ApplianceStartFailureTest {
    @TempDir
    Path dir;

    @Test
    void thePartsStartInTheirOrder() throws Exception {
        try (Appliance a = new Appliance(ConfigLoader.parse(TestStores.demoToml(dir), "test"), Clock.systemUTC())) {
            a.start();
            assertEquals(List.of("store", "queue", "scheduler", "counter bus", "district link", "housekeeping",
                    "resident devices", "screens", "systemd"), a.partNames());
            a.close();
            assertEquals(List.of(), a.partNames());
            assertTrue(a.scheduler().isTerminated());
        }
    }

    @Test
    void anApplianceStoppedBeforeItsFirstEventStartsAgainWithAHealthyStore() throws Exception {
        try (Appliance first = new Appliance(ConfigLoader.parse(TestStores.demoToml(dir), "test"), Clock.systemUTC())) {
            first.start(); // the demo is started to look at and stopped before anyone takes a ticket
        }
        try (Appliance again = new Appliance(ConfigLoader.parse(TestStores.demoToml(dir), "test"), Clock.systemUTC())) {
            again.start();
            Health.Status store = again.health().snapshot().get("store");
            assertTrue(store.ok(), "nothing was issued, so nothing can be lost: " + store);
        }
    }

    @Test
    void aTakenWebPortFailsTheScreensPartWhichIsNamedAndThePartsBeforeItAreClosed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String toml = TestStores.demoToml(dir).replace("port = 0", "port = " + taken.getLocalPort());
            Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC());

            PartFailedException e = assertThrows(PartFailedException.class, a::start);

            assertEquals("screens", e.part());
            Health.Status startup = a.health().snapshot().get("startup");
            assertFalse(startup.ok());
            assertEquals("screens failed", startup.state());
            assertEquals(List.of(), a.partNames(), "every part started is closed");
            assertTrue(a.scheduler().isTerminated(), "no scheduler thread left running");
            a.close(); // the shutdown hook's close after a failed start does nothing more
        }
        // the store was closed too: the same data folder opens again, and this time everything starts
        try (Appliance again = new Appliance(ConfigLoader.parse(TestStores.demoToml(dir), "test"), Clock.systemUTC())) {
            again.start();
            assertEquals(9, again.partNames().size());
            assertFalse(again.health().snapshot().containsKey("startup"));
        }
    }
}
