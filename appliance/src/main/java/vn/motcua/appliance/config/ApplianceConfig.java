package vn.motcua.appliance.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import vn.motcua.appliance.devices.buttons.ButtonSetup;
import vn.motcua.appliance.devices.counterbus.CounterBusSettings;
import vn.motcua.appliance.devices.printer.PrinterSettings;
import vn.motcua.appliance.devices.reader.ReaderSetup;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.uplink.UplinkConfig;

/**
 * The whole appliance configuration, every section typed and checked in one pass by {@link ConfigLoader}, before
 * anything is opened. Immutable; no raw tree of the file survives past the loader.
 *
 * @param uplink  {@code [uplink]}: the district link, or empty when the office runs alone (no section, or
 *                {@code enabled = false})
 * @param devices the {@code [devices.*]} sections
 */
public record ApplianceConfig(Identity identity, OfficeLayout office, Web web, Store store, Optional<UplinkConfig> uplink,
                              Devices devices, Manager manager, Kiosk kiosk, Voice voice, Optional<Satellite> satellite) {

    /**
     * {@code [satellite]}: this appliance is a satellite kiosk of the master at {@code masterUrl}: no queue of its own;
     * every ticket its kiosk and buttons give is taken from the master over the LAN (package {@code satellite}).
     *
     * @param masterUrl         the master's LAN listener, {@code https://host:port}
     * @param masterFingerprint the SHA-256 of the master's LAN certificate, 64 lower-case hex digits: the only
     *                          certificate this satellite talks to (the master's is self-signed)
     * @param tokenFile         where the device token the master gave at pairing is kept (mode 0600)
     */
    public record Satellite(String masterUrl, String masterFingerprint, Path tokenFile) {}

    /**
     * The {@code [devices.*]} sections. Modes left out of the file are "off", or "simulated" for the printer, the
     * reader and (one button per service, when the section is absent) the buttons when the file is loaded for the
     * demo ({@code --demo}).
     */
    public record Devices(CounterBusSettings counterBus, PrinterSettings printer, ReaderSetup reader, ButtonSetup buttons) {}

    /** Who this appliance is: its ids appear in every event and MQTT topic. */
    public record Identity(String deviceId, String district, String office, String officeNameVi, String officeNameEn,
                           Path dataDir, WallClock wallClock) {
        /** An identity whose wall clock is trusted once systemd-timesyncd says so (the default). */
        public Identity(String deviceId, String district, String office, String officeNameVi, String officeNameEn, Path dataDir) {
            this(deviceId, district, office, officeNameVi, officeNameEn, dataDir, WallClock.TIMESYNC);
        }
    }

    /**
     * {@code appliance.wall_clock}: when the wall clock can be believed. A Pi has no real-time clock, so after a power
     * cut its time is the last one saved until NTP answers; the queue then stops relying on it (QueueEngine).
     */
    public enum WallClock {
        /** Trusted once systemd-timesyncd has synchronised ({@code /run/systemd/timesync/synchronized}). */
        TIMESYNC,
        /** Always trusted: a host with a battery-backed clock, a developer's machine, the demo. */
        SYSTEM
    }

    /**
     * @param bind, port     the local listener: every page and API (the Pi's own screens)
     * @param staffAccounts  the staff accounts file, re-read when it changes
     * @param lan            the HTTPS listener for the counter PCs (staff and manager pages only)
     * @param exposeReason   {@code [web] expose_local_on_lan}: why the local listener is bound off loopback, or
     *                       null (it is on loopback, the only other choice the config accepts)
     * @param phone          {@code [web.phone]}: the residents' page following a ticket, on the LAN listener
     */
    public record Web(InetAddress bind, int port, int maxBodyBytes, Path staffAccounts, Lan lan, String exposeReason,
                      Phone phone) {
        /** The reason given for putting the local listener on the LAN; empty when it is on loopback. */
        public java.util.Optional<String> exposedBecause() {
            return java.util.Optional.ofNullable(exposeReason);
        }
    }

    /**
     * {@code [web.lan]}: staff and manager pages over HTTPS for the counter PCs. When enabled, the keystore has been
     * checked at load: readable PKCS12 with a key and certificate, opened by the password file (mode 0600).
     */
    public record Lan(boolean enabled, InetAddress bind, int port, Path keystore, Path keystorePasswordFile) {}

    /**
     * {@code [web.phone]}: a resident follows their ticket on a phone over the office's guest Wi-Fi; the ticket's QR
     * opens the page (web README, "The phone page"). When enabled the LAN listener is on and the base URL was checked.
     *
     * @param baseUrl what the QR carries before the page's path: the LAN listener as phones reach it,
     *                {@code https://192.168.1.10:8443} (empty when off)
     * @param refresh how often an open page asks again (a call shows within this)
     */
    public record Phone(boolean enabled, String baseUrl, Duration refresh) {
        public static Phone off() {
            return new Phone(false, "", Duration.ofSeconds(5));
        }
    }

    /**
     * {@code [kiosk]}.
     *
     * @param statusTimeout how long a dossier's or a ticket's status stays on the kiosk with nobody touching it before
     *                      the start screen returns (a scan or a touch returns sooner)
     */
    public record Kiosk(java.time.Duration statusTimeout) {}

    /**
     * {@code [voice]}: the spoken call in Vietnamese only, or in Vietnamese then English.
     *
     * @param repeat how many times the hall display plays each call, one after another (1: once); a resident who
     *               did not hear or catch the first hears it again
     * @param guidanceOnButtons whether the kiosk speaks its guidance for a ticket taken with a service button (the
     *               number, where the paper is, to wait for the call), for a resident who cannot use or read the
     *               touch screen; off by default, as a kiosk that speaks unasked surprises an office
     */
    public record Voice(boolean english, int repeat, boolean guidanceOnButtons) {}

    /** {@code [manager]}: a service whose queue or estimated wait reaches a limit raises an alert in the manager view. */
    public record Manager(int alertWaiting, Duration alertWait) {}

    /**
     * {@code [store]}.
     *
     * @param durableCommits fsync every command before acknowledging it (off only for throw-away tests)
     * @param outboxRetention how long delivered events stay in the outbox before they are pruned
     * @param lowSpaceBytes   below this much free space in the data folder /healthz and /metrics warn
     * @param restoreFromDistrict this device replaces one whose store was lost: restore today's queue from the
     *                            district's copy of the device's events at the first start (set by
     *                            {@code motcua-provision replace})
     * @param restoreTimeout      how long the start waits for the district to answer each restore request
     */
    public record Store(boolean durableCommits, Duration outboxRetention, long lowSpaceBytes,
                        boolean restoreFromDistrict, Duration restoreTimeout) {}
}
