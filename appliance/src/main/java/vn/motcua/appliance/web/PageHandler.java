package vn.motcua.appliance.web;

/**
 * A route's handler that may answer a whole HTML page (not a script, a feed or an API): the LAN gate sends an unpaired
 * screen asking for a screen's page to the pairing page, and anything else it refuses with the plain 404.
 */
public interface PageHandler {
    boolean isPage();
}
