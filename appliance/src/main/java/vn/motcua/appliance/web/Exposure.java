package vn.motcua.appliance.web;

/**
 * Who may reach a route through the LAN listener: every route says one of these, and {@link LanGate} enforces it
 * from the route table. The local listener serves every route whatever its exposure. In order: each lets in
 * everyone the one before does, and more.
 */
public enum Exposure {
    /** The Pi's own screens and tools (kiosk, hall display, simulators, the ticket API): 404 on the LAN. */
    LOCAL_ONLY,
    /** On the LAN only to a browser with a live staff session; 404 to anyone else there. */
    LAN_STAFF,
    /** Open on the LAN (the staff pages, their login and assets, monitoring): a login or CSRF token the handler
     * asks for is the handler's own check. */
    LAN;

    /** Whether everyone this exposure lets in from the LAN is also let in by {@code other}. */
    public boolean within(Exposure other) {
        return ordinal() <= other.ordinal();
    }
}
