package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.lan.NetNamespace;
import vn.motcua.bus.Await;
import vn.motcua.bus.bench.Percentiles;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.tests.harness.LanHttps;
import vn.motcua.tests.harness.ManagerOnLan;
import vn.motcua.tests.harness.PtyTicketPrinter;
import vn.motcua.tests.harness.SatelliteKiosk;
import vn.motcua.tests.harness.StaffFile;

/**
 * The large office of issue 17 on one machine, for {@link OfficeWithSatelliteBrowserTest} and
 * {@link OfficeWithSatelliteBenchmark}: a master and a satellite kiosk as two appliance processes, the satellite in a
 * network namespace of its own; two hall displays (Chromium) each in a namespace of its own, on the master's LAN
 * listener (HTTPS) and paired by the manager's confirmation of the code each shows; the master's own hall display in a
 * Chromium on loopback. Both appliances print on a serial printer (a socat pty, the simulated printer in this JVM:
 * {@link PtyTicketPrinter}), so when a ticket's first byte reaches each printer is seen from outside both processes.
 * Every display records when counter 1's "now serving" cell paints a new number ({@link ScreensBenchmark#RECORD_PAINTS}).
 */
final class OfficeRig implements AutoCloseable {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final String SERVICE = "ho-tich";
    /** Counter 1's number in the "now serving" panel of /display. */
    static final By NOW_SERVING_1 = By.cssSelector("#counters [data-counter='1'] b");
    private static final Pattern CODE = Pattern.compile("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}");

    private final Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();
    final NetNamespace satelliteHost;
    final NetNamespace hallHostA;
    final NetNamespace hallHostB;
    final PtyTicketPrinter masterPrinter;
    final PtyTicketPrinter satellitePrinter;
    final LanHttps https;
    final ApplianceProcess master;
    final SatelliteKiosk satellite;
    final ChromeDriver lanA;
    final ChromeDriver lanB;
    final ChromeDriver local;
    /** Each display's page clock ({@code performance.timeOrigin + now()}) minus the wall clock, ms: lanA, lanB, local. */
    private final double[] pageOffsets = new double[3];

    /**
     * Starts it all and pairs the satellite and both LAN displays; counter 1 open.
     *
     * @param dailyCap the service's daily cap (the demo's is 300; a long benchmark takes more tickets)
     */
    OfficeRig(Path dir, int dailyCap) throws Exception {
        this.dir = dir;
        try {
            NetNamespace.requireFor("the office with a satellite and LAN displays");
            satelliteHost = opened(NetNamespace.create(1));
            hallHostA = opened(NetNamespace.create(1));
            hallHostB = opened(NetNamespace.create(1));
            hallHostA.routeThroughHost(); // the master's LAN listener is on the satellite's host side
            hallHostB.routeThroughHost();
            masterPrinter = opened(new PtyTicketPrinter(dir.resolve("pty-master")));
            satellitePrinter = opened(new PtyTicketPrinter(dir.resolve("pty-satellite")));
            Path m = Files.createDirectories(dir.resolve("master"));
            https = LanHttps.make(m, satelliteHost.host());
            master = opened(new ApplianceProcess(m, toml -> masterPrinter.serial(https.enable(toml))
                    .replaceFirst("daily_cap    = 300", "daily_cap    = " + dailyCap)));
            StaffFile.write(master.dataDir(), StaffFile.LAN, StaffFile.CHI);
            master.start();
            satellite = opened(new SatelliteKiosk(Files.createDirectories(dir.resolve("satellite")), https, satelliteHost,
                    satellitePrinter::serial));
            satellite.start();
            ManagerOnLan manager = ManagerOnLan.logIn(https, StaffFile.CHI);
            satellite.pairBy(manager, "Cửa bên", LIMIT);
            lanA = pairedDisplay(hallHostA, "hall-a", "TV sảnh chờ", manager);
            lanB = pairedDisplay(hallHostB, "hall-b", "TV tầng 2", manager);
            local = browser(Browsers.open(dir.resolve("chrome-local"), 1280, 720));
            local.get("http://127.0.0.1:" + master.port() + "/display");
            synced(local);
            int i = 0;
            for (ChromeDriver d : displays()) {
                d.executeScript(ScreensBenchmark.RECORD_PAINTS);
                pageOffsets[i++] = ((Number) d.executeScript(ScreensBenchmark.CLOCK_OFFSET)).doubleValue();
            }
            System.out.printf("page clock - wall clock, ms: LAN display A %.3f, LAN display B %.3f, local display %.3f%n",
                    pageOffsets[0], pageOffsets[1], pageOffsets[2]);
            assertEquals(200, master.post("/api/counters/1/open", "{\"staff\":\"lan\"}").statusCode());
            Await.until(LIMIT, () -> master.counterOpen(1), "counter 1 open");
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    /** The two LAN displays, then the local one. */
    List<ChromeDriver> displays() {
        return List.of(lanA, lanB, local);
    }

    /**
     * A Chromium inside {@code ns} opens the master's /display on the LAN, is sent to the pairing page, and the manager
     * confirms the code it shows; it then opens the hall display by itself.
     */
    private ChromeDriver pairedDisplay(NetNamespace ns, String folder, String name, ManagerOnLan manager) throws Exception {
        Path d = Files.createDirectories(dir.resolve(folder));
        ChromeDriver screen = browser(Browsers.open(d.resolve("chrome"), 1280, 720, true, Browsers.launcherInside(ns, d)));
        screen.get(https.base() + "display");
        Browsers.waiting(screen, 60).until(ExpectedConditions.textMatches(By.id("code"), CODE));
        manager.confirm(screen.findElement(By.id("code")).getText(), name, "display");
        Browsers.waiting(screen, 60).until(s -> s.getCurrentUrl().endsWith("/display"));
        synced(screen);
        return screen;
    }

    private static void synced(ChromeDriver d) {
        Browsers.waiting(d, 60).until(s -> {
            String synced = s.findElement(By.tagName("body")).getDomAttribute("data-synced");
            return synced != null && !synced.isEmpty(); // its first snapshot applied
        });
    }

    /** A resident's press at the satellite's service button: the ticket the satellite printed, and when. */
    Press pressAtSatellite() throws Exception {
        int printedBefore = satellite.printed().size();
        int cutBefore = satellitePrinter.ticketsCut();
        int startsBefore = satellitePrinter.ticketStarts().size();
        long t0 = System.nanoTime();
        HttpResponse<String> r = satellite.post("/sim/buttons/" + SERVICE + "/press", null);
        assertEquals(202, r.statusCode(), r.body());
        Await.until(LIMIT, () -> satellite.printed().size() == printedBefore + 1,
                () -> "the satellite printed the press's ticket: " + satellite.printed() + " " + satellite.state());
        return new Press(satellite.printed().getLast(), toFirstByte(satellitePrinter, cutBefore, startsBefore, t0));
    }

    /** The same press at one of the master's own service buttons, printed on the master's printer. */
    Press pressAtMaster() throws Exception {
        int cutBefore = masterPrinter.ticketsCut();
        int startsBefore = masterPrinter.ticketStarts().size();
        long t0 = System.nanoTime();
        HttpResponse<String> r = master.post("/sim/buttons/" + SERVICE + "/press", null);
        assertEquals(202, r.statusCode(), r.body());
        return new Press(null, toFirstByte(masterPrinter, cutBefore, startsBefore, t0));
    }

    /** Waits for the press's ticket to be cut at {@code printer}: from {@code t0} to its first command, ms. */
    private static double toFirstByte(PtyTicketPrinter printer, int cutBefore, int startsBefore, long t0) {
        Await.until(LIMIT, () -> printer.ticketsCut() == cutBefore + 1 && printer.ticketStarts().size() == startsBefore + 1,
                () -> "one ticket begun and cut at the printer: " + printer.ticketStarts().size() + " begun, "
                        + printer.ticketsCut() + " cut, before " + startsBefore + " and " + cutBefore
                        + "; bytes it did not know: " + printer.unknownBytes());
        return (printer.ticketStarts().get(startsBefore) - t0) / 1e6;
    }

    /** A press, and how long from the test's request to its ticket's first command at the printer, ms. */
    record Press(String number, double toFirstByteMs) {}

    /**
     * A clerk's call at counter 1 (the counter API, as a keypad adapter would): the number called and, for each display
     * ({@link #displays()} order), how long from the test's request to the frame that painted it in the "now serving"
     * panel, ms (the pages' clocks brought to the wall clock by {@link ScreensBenchmark#CLOCK_OFFSET}). The resident
     * stays called at the counter until {@link #finish()}.
     */
    Call call() throws Exception {
        Instant sent = Instant.now();
        HttpResponse<String> r = master.post("/api/counters/1/call-next", "{}");
        assertEquals(200, r.statusCode(), r.body());
        String number = EventJson.mapper().readTree(r.body()).at("/ticket/number").asText();
        double at = sent.getEpochSecond() * 1e3 + sent.getNano() / 1e6;
        double[] painted = new double[3];
        List<ChromeDriver> displays = displays();
        for (int i = 0; i < 3; i++) {
            painted[i] = ScreensBenchmark.paintedAt(displays.get(i), number) - pageOffsets[i] - at;
        }
        return new Call(number, painted);
    }

    /** The clerk is done with the resident called: counter 1 free for the next call. */
    void finish() throws Exception {
        assertEquals(200, master.post("/api/counters/1/finish", "{}").statusCode());
    }

    record Call(String number, double[] paintedMs) {}

    /** Waits until every display shows {@code number} for counter 1 in its "now serving" panel. */
    void allShow(String number) {
        for (ChromeDriver d : displays()) {
            Browsers.waiting(d, 60).until(ExpectedConditions.textToBe(NOW_SERVING_1, number));
        }
    }

    /**
     * {@code warmUp} then {@code rounds} rounds of: a press at the satellite, a press at the master's own button, and
     * two calls (which take those two tickets, in order), each call observed on the three displays at once.
     */
    Figures measure(int warmUp, int rounds) throws Exception {
        Figures f = new Figures(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < warmUp + rounds; i++) {
            Press s = pressAtSatellite();
            Press m = pressAtMaster();
            Call c1 = call();
            finish();
            Call c2 = call();
            finish();
            assertEquals(s.number(), c1.number(), "the calls take the tickets in order: the satellite's first");
            if (c2.number().compareTo(c1.number()) <= 0) {
                throw new AssertionError("then the master's, a later number: " + c1.number() + ", " + c2.number());
            }
            if (i < warmUp) { // the first of each path loads classes in both appliances and the pages
                continue;
            }
            for (Call c : List.of(c1, c2)) {
                f.lanA().add(c.paintedMs()[0]);
                f.lanB().add(c.paintedMs()[1]);
                f.local().add(c.paintedMs()[2]);
            }
            f.atSatellite().add(s.toFirstByteMs());
            f.atMaster().add(m.toFirstByteMs());
        }
        return f;
    }

    /** The samples, ms: call → painted on each display (the same calls), press → first ticket byte at each printer. */
    record Figures(List<Double> lanA, List<Double> lanB, List<Double> local, List<Double> atSatellite,
                   List<Double> atMaster) {}

    /**
     * Prints both figures: call → painted on the LAN displays (both pooled, then each) against the local display for
     * the same calls, and a press at the satellite → its printer's first ticket byte against one at the master; and
     * the bytes the printers did not know (0 unless the line garbled the stream).
     */
    void print(String form, Figures f) throws java.io.IOException {
        List<Double> lan = new ArrayList<>(f.lanA());
        lan.addAll(f.lanB());
        System.out.println("Office with a satellite, " + form + ":");
        System.out.println(compare("  call -> painted in counter 1's now-serving cell", "LAN (both)", lan, "local", f.local()));
        System.out.println(compare("    the same calls", "LAN display A", f.lanA(), "local", f.local()));
        System.out.println(compare("    the same calls", "LAN display B", f.lanB(), "local", f.local()));
        System.out.println(compare("  button press -> its ticket's first ESC/POS command (ESC @) at the printer",
                "satellite", f.atSatellite(), "master", f.atMaster()));
        System.out.println("  bytes the printers did not know: master " + masterPrinter.unknownBytes() + ", satellite "
                + satellitePrinter.unknownBytes());
        System.out.println("  load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** p50 and p99 of each series, and the ratio of the first to the second. */
    private static String compare(String what, String first, List<Double> a, String second, List<Double> b) {
        Percentiles x = Percentiles.of(a);
        Percentiles y = Percentiles.of(b);
        return String.format("%s: %s (n=%d) p50 %.1f ms, p99 %.1f ms; %s (n=%d) p50 %.1f ms, p99 %.1f ms;"
                        + " ratio %s/%s p50 %.2f, p99 %.2f", what, first, a.size(), x.p50(), x.p99(), second, b.size(),
                y.p50(), y.p99(), first, second, x.p50() / y.p50(), x.p99() / y.p99());
    }

    private <T extends AutoCloseable> T opened(T c) {
        opened.add(c);
        return c;
    }

    private ChromeDriver browser(ChromeDriver d) {
        opened.add(d::quit);
        return d;
    }

    /**
     * Browsers first, then the satellite, the master, the printers and the namespaces; each even if another fails. The
     * two appliances' logs are kept in {@code target/office-logs} (the test's folder goes with it), for a failure's story.
     */
    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable c : opened.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        try {
            Path logs = Files.createDirectories(Path.of("target/office-logs"));
            for (String who : List.of("master", "satellite")) {
                Path log = dir.resolve(who).resolve("appliance.log");
                if (Files.exists(log)) {
                    Files.copy(log, logs.resolve(who + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.io.IOException e) {
            if (first == null) {
                first = e;
            }
        }
        opened.clear();
        if (first != null) {
            throw first;
        }
    }
}
