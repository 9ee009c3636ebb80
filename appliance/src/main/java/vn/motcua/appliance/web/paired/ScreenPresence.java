package vn.motcua.appliance.web.paired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceEvents;

/**
 * Whether each working paired screen is there (issue 17, item 5): a screen whose live feed has not been open for longer
 * than {@link #OFFLINE_AFTER} is reported to the district once, on the device event stream, as a
 * {@link DeviceEvent.ScreenOffline} (the outbox's {@code device.fault}, like a printer's or a counter board's), and once
 * more as a {@link DeviceEvent.ScreenOnline} when its feed opens again. Run by {@link #check()} from the one scheduler
 * (with the feed's heartbeat), so a test drives it with its own clock and no sleeps.
 *
 * <p>A screen just paired, and every screen when the master starts, gets the same grace from that moment: the master
 * keeps no memory of what it reported before a restart, so a screen still dark after a restart is reported again.
 * A revoked screen is forgotten without an event: a manager's revoke is not a fault.
 */
public final class ScreenPresence {
    private static final Logger log = LoggerFactory.getLogger(ScreenPresence.class);

    /**
     * How long a screen may be without its live feed before the district hears of it. A screen's browser reconnects
     * within seconds of a dropped connection (live.js), a Wi-Fi roam or a master restart takes well under a minute,
     * and a screen's Pi reboots in about a minute and a half: two minutes lets all of those pass in silence, and a
     * screen really gone (unplugged, switched off, its network down) is reported within 2 min 15 s (the check runs
     * with the 15 s heartbeat).
     */
    public static final Duration OFFLINE_AFTER = Duration.ofMinutes(2);

    private final Supplier<List<PairedScreen>> working;
    private final Supplier<Set<Long>> connected;
    private final DeviceEvents events;
    private final Clock clock;
    /** Per working screen: when its feed was last seen open (or it was first watched), and whether it was reported. */
    private final Map<Long, Watch> watched = new HashMap<>(); // guarded by this

    private record Watch(Instant lastConnected, boolean offline) {}

    /** A screen reported offline, as /healthz shows it. */
    public record Offline(long id, String name, ScreenRole role, Instant lastConnected) {}

    /**
     * @param working   the screens paired and not revoked
     * @param connected the ids of the screens with a live feed stream open now
     * @param events    the device event stream (the outbox, /metrics)
     */
    public ScreenPresence(Supplier<List<PairedScreen>> working, Supplier<Set<Long>> connected, DeviceEvents events,
                          Clock clock) {
        this.working = working;
        this.connected = connected;
        this.events = events;
        this.clock = clock;
    }

    /** Looks at every working screen once: reports those gone quiet past {@link #OFFLINE_AFTER} and those back. */
    public void check() {
        Instant now = clock.instant();
        Set<Long> up = connected.get();
        List<DeviceEvent> out = new ArrayList<>();
        synchronized (this) {
            Set<Long> seen = new HashSet<>();
            for (PairedScreen s : working.get()) {
                seen.add(s.id());
                Watch w = watched.get(s.id());
                if (up.contains(s.id())) {
                    if (w != null && w.offline()) {
                        out.add(new DeviceEvent.ScreenOnline(s.id(), s.name(), s.role().word(), now));
                        log.info("Paired screen {} (\"{}\") is back", s.id(), s.name());
                    }
                    watched.put(s.id(), new Watch(now, false));
                } else if (w == null) {
                    watched.put(s.id(), new Watch(now, false)); // first watched now: its grace starts
                } else if (!w.offline() && Duration.between(w.lastConnected(), now).compareTo(OFFLINE_AFTER) > 0) {
                    watched.put(s.id(), new Watch(w.lastConnected(), true));
                    out.add(new DeviceEvent.ScreenOffline(s.id(), s.name(), s.role().word(), w.lastConnected()));
                    log.warn("Paired screen {} (\"{}\") offline: no live feed since {}", s.id(), s.name(), w.lastConnected());
                }
            }
            watched.keySet().retainAll(seen); // revoked: forgotten, no event
        }
        out.forEach(events::publish); // outside the lock: the stream's subscribers write the outbox
    }

    /** The screens reported offline now, oldest connection first. */
    public List<Offline> offline() {
        Map<Long, PairedScreen> byId = new HashMap<>();
        working.get().forEach(s -> byId.put(s.id(), s));
        List<Offline> out = new ArrayList<>();
        synchronized (this) {
            watched.forEach((id, w) -> {
                PairedScreen s = byId.get(id);
                if (w.offline() && s != null) {
                    out.add(new Offline(id, s.name(), s.role(), w.lastConnected()));
                }
            });
        }
        out.sort(java.util.Comparator.comparing(Offline::lastConnected).thenComparing(Offline::id));
        return out;
    }
}
