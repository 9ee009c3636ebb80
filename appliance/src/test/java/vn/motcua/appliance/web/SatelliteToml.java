package vn.motcua.appliance.web;

import java.nio.file.Path;

/** A satellite kiosk's config for the tests: an office's config with no counter bus of its own, and [satellite]. */
final class SatelliteToml {
    private SatelliteToml() {}

    /**
     * @param office      the office's config (the demo's, say): the satellite serves the same office as its master
     * @param masterUrl   the master's LAN listener, https://host:port
     * @param fingerprint the master's certificate's SHA-256 ({@link LanKeystore#fingerprint})
     */
    static String of(String office, String masterUrl, String fingerprint, Path tokenFile) {
        String noBus = office.replace("[devices.counter_bus]\nmode = \"simulated\"", "[devices.counter_bus]\nmode = \"off\"");
        if (noBus.equals(office)) {
            throw new IllegalArgumentException("the office config's counter bus section moved: fix SatelliteToml");
        }
        return noBus + "\n[satellite]\nmaster_url = \"" + masterUrl + "\"\nmaster_fingerprint = \"" + fingerprint
                + "\"\ntoken_file = \"" + tokenFile + "\"\n";
    }
}
