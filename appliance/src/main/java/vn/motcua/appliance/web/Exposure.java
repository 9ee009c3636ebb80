package vn.motcua.appliance.web;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may reach a route through the LAN listener: every route says one of these, and {@link LanGate} enforces it
 * from the route table. The local listener serves every route whatever its exposure. Each exposure is the set of
 * LAN audiences it lets in ({@link Audience}); {@link #within} compares those sets, so a page never links a file its
 * own viewers cannot load ({@code pages.LinkedAssets}).
 */
public enum Exposure {
    /** The Pi's own screens and tools (kiosk, simulators, the ticket API): 404 on the LAN. */
    LOCAL_ONLY(EnumSet.noneOf(Audience.class)),
    /** On the LAN only to a browser with a live staff session; 404 to anyone else there. */
    LAN_STAFF(EnumSet.of(Audience.STAFF)),
    /**
     * On the LAN only to a paired hall display (a screen token of role {@code display}, {@code web.paired}): the hall
     * display page, its script, style and voice. Anyone else there is sent to the pairing page (a page) or gets 404.
     */
    LAN_DISPLAY(EnumSet.of(Audience.DISPLAY)),
    /** On the LAN only to a paired counter-top screen (a screen token of role {@code counter-screen}). */
    LAN_COUNTER_SCREEN(EnumSet.of(Audience.COUNTER_SCREEN)),
    /**
     * On the LAN only to a paired satellite kiosk (a device token of role {@code satellite}): its ticket, device
     * report and kiosk state API ({@code web.satellite}). Nothing else opens it; a satellite's token opens nothing else but the feed.
     */
    LAN_SATELLITE(EnumSet.of(Audience.SATELLITE)),
    /**
     * The live feed: a staff session or a paired screen of any role (a screen's feed is its scope's only; a satellite
     * kiosk shows the whole queue as the Pi's own kiosk does, without personal data).
     */
    LAN_LIVE(EnumSet.of(Audience.STAFF, Audience.DISPLAY, Audience.COUNTER_SCREEN, Audience.SATELLITE)),
    /** Open on the LAN to anyone, for reading only (GET and HEAD; any other method gets the gate's 404), with no
     * session and no cookie read: a resident's phone on the office's guest Wi-Fi (the phone page). What it shows is
     * the handler's own check (an unguessable key per ticket). */
    LAN_GUEST(EnumSet.of(Audience.STAFF, Audience.DISPLAY, Audience.COUNTER_SCREEN, Audience.ANYONE_READING)),
    /** Open on the LAN (the staff pages, their login and assets, monitoring, the pairing page): a login or CSRF token
     * the handler asks for is the handler's own check. */
    LAN(EnumSet.allOf(Audience.class));

    /** Who a LAN request comes from, as the gate tells them apart. */
    public enum Audience {
        STAFF, DISPLAY, COUNTER_SCREEN, SATELLITE, ANYONE_READING, ANYONE_WRITING
    }

    private final Set<Audience> audiences;

    Exposure(Set<Audience> audiences) {
        this.audiences = Set.copyOf(audiences);
    }

    /** Whether everyone this exposure lets in from the LAN is also let in by {@code other}. */
    public boolean within(Exposure other) {
        return other.audiences.containsAll(audiences);
    }

    /** The LAN audiences this exposure lets in. */
    public Set<Audience> audiences() {
        return audiences;
    }
}
