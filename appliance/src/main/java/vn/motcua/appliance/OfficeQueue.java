package vn.motcua.appliance;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.district.DistrictConfigApplier;
import vn.motcua.appliance.district.DistrictRestore;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.QueueStore;

/**
 * The office's queue, built from the store: first a lost store is refilled from the district (before any command,
 * so restored tickets keep their numbers), then the queue service reads the store, then the district's last config
 * (services, notice) is put back. Registers {@code clock} and {@code day_summary} on the health page.
 */
final class OfficeQueue implements Part {
    private final ApplianceConfig config;
    private final QueueStore store;
    private final DistrictRestore.Progress progress;
    private final Shared shared;
    private QueueService service;
    private DistrictConfigApplier districtConfig;

    /** @param progress told while the district is asked (under systemd: status line and more start-up time) */
    OfficeQueue(ApplianceConfig config, QueueStore store, DistrictRestore.Progress progress, Shared shared) {
        this.config = config;
        this.store = store;
        this.progress = progress;
        this.shared = shared;
    }

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public void start() throws Exception {
        Health health = shared.health();
        DistrictRestore.atStartup(config, store, shared.clock(), health, progress);
        BooleanSupplier clockTrusted = Host.wallClockTrusted(config.identity().wallClock());
        service = new QueueService(config.office(), shared.clock(), clockTrusted, store, config.manager().alertWait());
        ClockHealth.register(health, clockTrusted, service);
        health.register("day_summary", () -> service.summaryFailureCount() == 0 ? Health.Status.ok("ok")
                : Health.Status.fault("failed", service.summaryFailureCount() + " day summaries could not be computed"));
        districtConfig = new DistrictConfigApplier(config.identity().dataDir(), service, shared.hallMessages());
        districtConfig.restore();
    }

    /** The queue service; null before {@link #start}. */
    QueueService service() {
        return service;
    }

    /** Where the district's live config is applied (and kept for the next start). */
    DistrictConfigApplier districtConfig() {
        return districtConfig;
    }

    @Override
    public void close() throws SQLException {
        if (service != null) {
            service.closeStore();
        }
    }
}
