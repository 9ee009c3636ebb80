package vn.motcua.appliance.web;

/**
 * Who may reach a route through the LAN listener: every route says one of these, and {@link LanGate} enforces it
 * from the route table. The local listener serves every route whatever its exposure. In order: each lets everyone
 * the one before does read (GET) it, and more.
 */
public enum Exposure {
    /** The Pi's own screens and tools (kiosk, hall display, simulators, the ticket API): 404 on the LAN. */
    LOCAL_ONLY,
    /** On the LAN only to a browser with a live staff session; 404 to anyone else there. */
    LAN_STAFF,
    /** Open on the LAN to anyone, for reading only (GET and HEAD; any other method gets the gate's 404), with no
     * session and no cookie read: a resident's phone on the office's guest Wi-Fi (the phone page). What it shows is
     * the handler's own check (an unguessable key per ticket). */
    LAN_GUEST,
    /** Open on the LAN (the staff pages, their login and assets, monitoring): a login or CSRF token the handler
     * asks for is the handler's own check. */
    LAN;

    /** Whether everyone this exposure lets read from the LAN is also let read by {@code other}. */
    public boolean within(Exposure other) {
        return ordinal() <= other.ordinal();
    }
}
