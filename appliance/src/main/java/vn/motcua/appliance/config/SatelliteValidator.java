package vn.motcua.appliance.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code [satellite]} section: the master's LAN listener, its certificate's fingerprint (pinned: the master's
 * certificate is its own, not a CA's) and where the device token is kept. A satellite has no outbox: its events go
 * to the district through the master, so an {@code [uplink]} of its own is a problem.
 */
final class SatelliteValidator {
    private static final Pattern URL = Pattern.compile(
            "https://([A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9a-fA-F:]{2,39}])(:[0-9]{1,5})?");
    /** 32 bytes as hex, with or without the colons {@code openssl x509 -fingerprint -sha256} prints. */
    private static final Pattern FINGERPRINT = Pattern.compile("([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{64}");
    private static final Pattern PATH = Pattern.compile("[^\\p{Cntrl}]{1,255}");
    private final Values v;

    SatelliteValidator(Values v) {
        this.v = v;
    }

    ApplianceConfig.Satellite satellite(RawConfig.Satellite s, Path dataDir, boolean uplink) {
        String url = v.text("satellite.master_url", s.masterUrl(), URL,
                "the master's LAN listener as this satellite reaches it, https://host:port (no path)", null);
        String fingerprint = v.text("satellite.master_fingerprint", s.masterFingerprint(), FINGERPRINT,
                "the SHA-256 fingerprint of the master's LAN certificate: 64 hex digits, colons allowed"
                        + " (openssl x509 -noout -fingerprint -sha256 -in web-tls.crt)", null);
        String token = v.text("satellite.token_file", s.tokenFile(), PATH, "a file path",
                dataDir.resolve("satellite.token").toString());
        if (uplink) {
            v.problem("satellite.master_url", url, "a satellite has no queue of its own and sends nothing to the"
                    + " district itself: remove [uplink] or set its enabled = false");
        }
        return new ApplianceConfig.Satellite(url, fingerprint == null ? null
                : fingerprint.replace(":", "").toLowerCase(Locale.ROOT), Path.of(token));
    }
}
