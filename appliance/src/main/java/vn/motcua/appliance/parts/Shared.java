package vn.motcua.appliance.parts;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import vn.motcua.appliance.devices.DeviceEvents;
import vn.motcua.appliance.service.DeviceCounters;
import vn.motcua.appliance.service.HallMessages;
import vn.motcua.appliance.service.Health;

/**
 * What every part of the appliance may use and none owns: made once by {@code vn.motcua.appliance.Appliance}. The scheduler runs its
 * one thread from the start of the {@code scheduler} part to its close; parts listed before that one must not use it.
 *
 * @param health         where each part reports how it is ({@code /healthz})
 * @param scheduler      the one scheduler thread for periodic jobs (never blocking I/O)
 * @param deviceEvents   where devices publish their events (the one stream: outbox, health, /metrics, staff pages)
 * @param deviceCounters what devices did, for {@code /metrics}
 * @param hallMessages   the notice on the hall display (set by the district or the manager)
 * @param bootId         this run of the machine, stamped on events and reported to the district
 */
public record Shared(Clock clock, Health health, ScheduledExecutorService scheduler, DeviceEvents deviceEvents,
                     DeviceCounters deviceCounters, HallMessages hallMessages, String bootId) {}
