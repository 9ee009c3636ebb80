package vn.motcua.appliance.web.paired;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exposure;
import vn.motcua.appliance.web.live.Viewer;

/**
 * Pairing screens over the LAN, wired: the codes waiting ({@link PairingCodes}), the screens paired
 * ({@link PairedScreens}), the throttle on attempts per source ({@link vn.motcua.appliance.web.MissesPerMinute}, {@link #ATTEMPTS_PER_MINUTE} a minute); and what the rest of the web
 * asks of them: which LAN audience a request's screen cookie makes it ({@link #audience}, for the LAN gate), and what
 * its live feed may carry ({@link #viewer}).
 */
public final class Pairing {
    /**
     * Pairing attempts a source may make in a minute (a wrong code typed on {@code /manager}, a poll with an unknown
     * claim, every code a screen asks for) before it is refused ({@code PAIRING_TOO_MANY}): a code of 31^6 values,
     * alive five minutes, then cannot be found by trying.
     */
    public static final int ATTEMPTS_PER_MINUTE = 10;
    private static final Logger log = LoggerFactory.getLogger(Pairing.class);

    private final PairingCodes codes;
    private final PairedScreens screens;
    private final vn.motcua.appliance.web.MissesPerMinute misses;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private volatile java.util.List<String> enrolRefused = java.util.List.of();

    public Pairing(PairedScreens screens, Clock clock) {
        this.screens = screens;
        this.codes = new PairingCodes(clock);
        this.misses = new vn.motcua.appliance.web.MissesPerMinute(clock, ATTEMPTS_PER_MINUTE);
    }

    public PairedScreens screens() {
        return screens;
    }

    PairingCodes codes() {
        return codes;
    }

    /** The working paired screen a request's cookie names, if any. */
    public Optional<PairedScreen> screen(Request request) {
        return screens.byToken(ScreenCookies.value(request, ScreenCookies.SCREEN));
    }

    /** The LAN audience of a request's screen cookie: its role's, or none. */
    public Set<Exposure.Audience> audience(Request request) {
        return screen(request).map(s -> EnumSet.of(s.role().audience())).orElse(EnumSet.noneOf(Exposure.Audience.class));
    }

    /**
     * Who opens a live feed stream: a paired screen (its scope only; its token cookie set again, so a screen in use
     * keeps it past the browser's cookie life), or anyone else the gate let through (everything).
     */
    public Viewer viewer(Request request, Response response) {
        return screen(request).map(s -> {
            Response.addCookie(response, ScreenCookies.screen(ScreenCookies.value(request, ScreenCookies.SCREEN)));
            return Viewer.screen(s.id(), s.scope(), s.about());
        }).orElse(Viewer.EVERYTHING);
    }

    /**
     * Enrols the screens provisioning wrote into {@code file} ({@link EnrolledScreensFile}), once, at start. Lines
     * refused are logged with their line numbers and shown as a warning on /healthz until the next start.
     */
    public void enrolFrom(java.nio.file.Path file, vn.motcua.appliance.domain.OfficeLayout layout) {
        EnrolledScreensFile.Reading r = EnrolledScreensFile.read(file, layout);
        enrolRefused = r.refused();
        r.refused().forEach(why -> log.warn("{}: {} (that screen is not enrolled)", file, why));
        int added = screens.enrol(r.screens());
        if (!r.screens().isEmpty() || !r.refused().isEmpty()) {
            log.info("{}: {} screens, {} new, {} lines refused", file, r.screens().size(), added, r.refused().size());
        }
    }

    /** The lines of the enrolled screens file refused at start. */
    public java.util.List<String> enrolRefused() {
        return enrolRefused;
    }

    /**
     * A screen presenting the token provisioning put on its device ({@code POST /pair/enrol}): the working screen it
     * names, or a miss counted against the source like a wrong pairing code.
     */
    Optional<PairedScreen> enrolling(String token, String source) {
        refuseIfThrottled(source);
        Optional<PairedScreen> s = screens.byToken(token);
        if (s.isEmpty()) {
            miss(source, "an enrolment token nobody holds (revoked, or made up)");
        }
        return s;
    }

    /** Counts one attempt from {@code source} (a code asked for), refused first if it is over its attempts. */
    void attempt(String source) {
        refuseIfThrottled(source);
        misses.missed(source);
    }

    void refuseIfThrottled(String source) {
        if (misses.tooMany(source)) {
            throttled.incrementAndGet();
            throw ErrorCatalogue.PAIRING_TOO_MANY.error();
        }
    }

    /** A failed attempt: counted against the source, logged (sanitised), and counted for the health page. */
    void miss(String source, String what) {
        misses.missed(source);
        failed.incrementAndGet();
        log.info("Pairing attempt failed from {}: {}", source.replaceAll("[^0-9A-Fa-f.:%*]", "?"), what);
    }

    /**
     * The {@code paired_screens} part of /healthz: the counts, and a warning naming each screen {@code presence}
     * reported offline. A warning, never a fault: a TV switched off is the office's business, and /healthz red
     * would send a technician (or a monitor's restart) to a master that is fine.
     */
    public void registerHealth(Health health, ScreenPresence presence) {
        health.register("paired_screens", () -> {
            String counts = screens.workingCount() + " screens paired, " + codes.pending() + " pairing codes waiting, "
                    + failed.get() + " failed pairing attempts and " + throttled.get() + " refused as too many since start";
            java.util.List<ScreenPresence.Offline> off = presence.offline();
            java.util.List<String> refused = enrolRefused;
            if (off.isEmpty() && refused.isEmpty()) {
                return Health.Status.ok(counts);
            }
            java.util.StringJoiner why = new java.util.StringJoiner("; ", counts + "; ", "");
            off.forEach(o -> why.add("offline: screen " + o.id() + " \"" + o.name() + "\" (" + o.role().word()
                    + ") no live feed since " + o.lastConnected()));
            refused.forEach(r -> why.add(EnrolledScreensFile.NAME + " " + r));
            String state = off.isEmpty() ? refused.size() + " enrolled screen lines refused"
                    : off.size() + " screens offline" + (refused.isEmpty() ? "" : ", " + refused.size() + " enrolled screen lines refused");
            return Health.Status.warning(state, why.toString());
        });
    }

    public long failedCount() {
        return failed.get();
    }

    public long throttledCount() {
        return throttled.get();
    }
}
