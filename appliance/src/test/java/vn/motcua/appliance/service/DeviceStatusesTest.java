package vn.motcua.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceStatus;
import vn.motcua.appliance.devices.DeviceStatus.Reason;
import vn.motcua.appliance.devices.DeviceStatus.State;

/** The devices' statuses from the event stream: what /healthz shows, and a fault logged once however long it lasts. */
class DeviceStatusesTest {
    private static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DeviceStatuses.class);
    private final Health health = new Health();
    private final DeviceStatuses statuses = new DeviceStatuses(health);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void eachDeviceIsAHealthPartWithItsLatestStatus() {
        statuses.accept(new DeviceEvent.StatusChanged(DeviceStatus.ok("printer", "ready", AT)));
        assertEquals(Health.Status.ok("ok: ready"), health.snapshot().get("printer"));

        statuses.accept(new DeviceEvent.StatusChanged(DeviceStatus.fault("printer", Reason.PAPER_END, "[PAPER_END]", AT)));
        assertEquals(Health.Status.fault("paper_end", "[PAPER_END]"), health.snapshot().get("printer"));
        assertFalse(health.allOk());

        statuses.accept(new DeviceEvent.StatusChanged(
                new DeviceStatus("printer", State.WARNING, Reason.PAPER_NEAR_END, "[PAPER_NEAR_END]", AT)));
        assertTrue(health.snapshot().get("printer").ok(), "paper near end still prints");
        assertEquals(List.of("printer"), statuses.current().stream().map(DeviceStatus::device).toList());
    }

    @Test
    void aFaultIsLoggedOnceWhileItLastsAndItsEndOnce() {
        DeviceStatus offline = DeviceStatus.fault("reader", Reason.DISCONNECTED, "cannot open /dev/motcua-reader", AT);
        for (int i = 0; i < 5; i++) { // e.g. every ticket or poll that finds it so
            statuses.accept(new DeviceEvent.StatusChanged(offline));
        }
        statuses.accept(new DeviceEvent.FaultRaised(offline)); // the district's event: not a status of its own
        statuses.accept(new DeviceEvent.StatusChanged(DeviceStatus.ok("reader", "reading /dev/motcua-reader", AT)));
        statuses.accept(new DeviceEvent.StatusChanged(DeviceStatus.ok("reader", "reading /dev/motcua-reader", AT)));
        assertEquals(List.of("WARN reader: disconnected (cannot open /dev/motcua-reader)",
                "INFO reader: ok reading /dev/motcua-reader"),
                logs.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
    }
}
