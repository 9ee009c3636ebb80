package vn.motcua.appliance.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The {@code [web]}, {@code [web.lan]} and {@code [web.phone]} sections: the two listeners, the staff accounts file,
 * the LAN keystore, the residents' phone page.
 */
final class WebValidator {
    private static final Pattern PATH = Pattern.compile("[^\\p{Cntrl}]{1,255}");
    /** The LAN listener as phones reach it: https, a literal address or a DNS name, a port; no path, no query. */
    private static final Pattern BASE_URL = Pattern.compile(
            "https://([A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9a-fA-F:]{2,39}])(:[0-9]{1,5})?");
    private static final Pattern REASON = Pattern.compile("(?=.*\\p{L}.*\\p{L})[^\\p{Cntrl}]{10,200}");
    private final Values v;
    private final boolean openFiles;

    /** @param openFiles check the keystore itself (not when checking a file rendered for another machine) */
    WebValidator(Values v, boolean openFiles) {
        this.v = v;
        this.openFiles = openFiles;
    }

    ApplianceConfig.Web web(RawConfig.Web w, Path dataDir) {
        InetAddress bind = address("web.bind", w.bind(), "127.0.0.1");
        int port = v.integer("web.port", w.port(), 0, 65535, 8080);
        String accounts = v.text("web.staff_accounts", w.staffAccounts(), PATH, "a file path",
                dataDir.resolve("staff.accounts").toString());
        ApplianceConfig.Lan lan = lan(w.lan() == null ? new RawConfig.Lan(null, null, null, null, null) : w.lan(), port);
        ApplianceConfig.Phone phone = phone(w.phone() == null ? new RawConfig.Phone(null, null, null) : w.phone(), lan);
        return new ApplianceConfig.Web(bind, port, v.integer("web.max_body_bytes", w.maxBodyBytes(), 256, 1 << 20, 16 * 1024),
                Path.of(accounts), lan, exposure(bind, w.exposeLocalOnLan()), phone);
    }

    /** The phone page is served on the LAN listener (phones on the guest Wi-Fi), so it needs that listener on. */
    private ApplianceConfig.Phone phone(RawConfig.Phone p, ApplianceConfig.Lan lan) {
        boolean enabled = Boolean.TRUE.equals(p.enabled());
        int refresh = v.integer("web.phone.refresh_seconds", p.refreshSeconds(), 2, 60, 5);
        String base = p.baseUrl() == null ? "" : p.baseUrl();
        if (!base.isEmpty() && !BASE_URL.matcher(base).matches()) {
            v.problem("web.phone.base_url", base, "the LAN listener's address as phones reach it, https://host:port"
                    + " with no path, e.g. https://192.168.1.10:8443");
            base = "";
        } else if (enabled && base.isEmpty()) {
            v.problem("web.phone.base_url", null, "the LAN listener's address as phones reach it, e.g."
                    + " https://192.168.1.10:8443 (the ticket's QR carries it)");
        }
        if (enabled && !lan.enabled()) {
            v.problem("web.phone.enabled", true, "false, or [web.lan] enabled = true: the phone page is served on the"
                    + " LAN listener");
        }
        return enabled ? new ApplianceConfig.Phone(true, base, java.time.Duration.ofSeconds(refresh))
                : new ApplianceConfig.Phone(false, "", java.time.Duration.ofSeconds(refresh));
    }

    /**
     * The local listener serves everything over plain HTTP: the kiosk's ticket API, {@code /sim}, the live feed.
     * Off loopback it is on the LAN, so that must be a decision written in the file with its reason (issue 21:
     * one word, {@code bind = "0.0.0.0"}, put it there silently).
     */
    private String exposure(InetAddress bind, String reason) {
        if (reason != null && !REASON.matcher(reason).matches()) {
            v.problem("web.expose_local_on_lan", reason, "a reason in words (why the kiosk API and /sim may be reached"
                    + " from the LAN), 10 to 200 characters");
            return null;
        }
        if (bind != null && !bind.isLoopbackAddress() && reason == null) {
            v.problem("web.bind", bind.getHostAddress(), "a loopback address such as 127.0.0.1 (this listener serves"
                    + " the kiosk API and /sim over plain HTTP), or set web.expose_local_on_lan = \"<why>\" to put it"
                    + " on the LAN on purpose");
        }
        return bind != null && !bind.isLoopbackAddress() ? reason : null;
    }

    private ApplianceConfig.Lan lan(RawConfig.Lan l, int localPort) {
        boolean enabled = Boolean.TRUE.equals(l.enabled());
        InetAddress bind = address("web.lan.bind", l.bind(), "0.0.0.0");
        int port = v.integer("web.lan.port", l.port(), 0, 65535, 8443);
        Path keystore = Path.of(v.text("web.lan.keystore", l.keystore(), PATH, "a file path", "/etc/motcua/web-tls.p12"));
        Path secret = Path.of(v.text("web.lan.keystore_password_file", l.keystorePasswordFile(), PATH, "a file path",
                "/etc/motcua/web-tls.secret"));
        if (enabled) {
            // Port 0 (a free port, for tests) on both is fine; one fixed port for both listeners is not.
            if (port == localPort && port != 0) {
                v.problem("web.lan.port", port, "a port other than web.port (" + localPort + "): the LAN listener is HTTPS");
            }
            if (openFiles) {
                KeystoreCheck.check(keystore, secret, v);
            }
        }
        return new ApplianceConfig.Lan(enabled, bind, port, keystore, secret);
    }

    private InetAddress address(String key, String value, String fallback) {
        return v.parse(key, value == null ? fallback : value, null, "an IP address to listen on, e.g. " + fallback,
                WebValidator::literal);
    }

    /** Literal addresses only: a config must not trigger a DNS lookup at start. */
    private static InetAddress literal(String s) {
        if (!s.matches("[0-9.]{7,15}|[0-9a-fA-F:]{2,39}")) {
            throw new IllegalArgumentException(s);
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
