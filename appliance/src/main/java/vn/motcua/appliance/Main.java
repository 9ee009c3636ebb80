package vn.motcua.appliance;

import vn.motcua.appliance.parts.PartFailedException;
import java.nio.file.Path;
import java.time.Clock;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.store.JournalRoom;

/**
 * Entry point: reads the whole config before anything else, starts the appliance, stops it on SIGTERM / Ctrl-C.
 * Wiring only. {@code --check-config FILE} checks a file and starts nothing (for technicians, and for provisioning
 * before it installs a file and restarts a device). {@code --recompute-figures FILE} checks the office's history
 * against the raw events, with the appliance stopped ({@link FigureRecompute}).
 */
public final class Main {
    private static final String USAGE = "usage: motcua-appliance [--config FILE] [--demo]\n"
            + "       motcua-appliance --check-config FILE [--without-files]\n"
            + "       motcua-appliance --recompute-figures FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--write]";

    private Main() {}

    public static void main(String[] args) throws Exception {
        Path configFile = ConfigLoader.DEFAULT_PATH;
        Path checkFile = null;
        Path recomputeFile = null;
        java.time.LocalDate from = FigureRecompute.EARLIEST;
        java.time.LocalDate to = FigureRecompute.LATEST;
        boolean write = false;
        boolean demo = false;
        boolean openFiles = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> configFile = Path.of(argument(args, ++i));
                case "--check-config" -> checkFile = Path.of(argument(args, ++i));
                // A file rendered for another device: its keystore and ticket layout are there, not here.
                case "--without-files" -> openFiles = false;
                case "--demo" -> demo = true;
                case "--recompute-figures" -> recomputeFile = Path.of(argument(args, ++i));
                case "--from" -> from = day("--from", argument(args, ++i));
                case "--to" -> to = day("--to", argument(args, ++i));
                case "--write" -> write = true;
                default -> usage();
            }
        }
        if (recomputeFile == null && (write || !from.equals(FigureRecompute.EARLIEST) || !to.equals(FigureRecompute.LATEST))) {
            usage(); // --from, --to and --write belong to --recompute-figures alone
        }
        if (recomputeFile != null) {
            System.exit(new FigureRecompute(System.out, System.err).run(recomputeFile, from, to, write));
            return;
        }
        if (checkFile != null) {
            System.exit(check(checkFile, new ConfigLoader.Options(demo, openFiles)));
            return;
        }
        // Logging first, on this thread: a logger asked for (by Jetty, H2) on the preload thread while Logback starts
        // would be SLF4J's stand-in, and lines logged meanwhile replayed later.
        org.slf4j.LoggerFactory.getILoggerFactory();
        StartPreload.begin();
        ApplianceConfig config;
        try {
            config = ConfigLoader.load(configFile, new ConfigLoader.Options(demo, true));
        } catch (ConfigException e) {
            // One line per problem and nothing else: no store, journal, port or device has been opened.
            printProblems(e);
            System.exit(2);
            return;
        } catch (RuntimeException e) { // a bug in a check: still one line, still nothing opened
            System.err.println("motcua: " + configFile + ": the config could not be checked (" + e + ")");
            System.exit(2);
            return;
        }
        // the demo's clock can be moved forward (/sim/clock/advance) to show a day roll or a month of days
        Appliance appliance = new Appliance(config, demo ? new DemoClock(Clock.systemUTC()) : Clock.systemUTC());
        if (demo) {
            appliance.demo();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                appliance.close();
            } catch (Exception e) {
                System.err.println("motcua: error while stopping: " + e);
            }
        }, "shutdown"));
        try {
            appliance.start();
        } catch (PartFailedException e) { // logged and named on the health page; the parts started are closed
            System.err.println("motcua: " + (e.getCause() instanceof JournalRoom.NotEnoughSpaceException
                    ? e.getCause().getMessage() : e.getMessage()));
            System.exit(e.getCause() instanceof JournalRoom.NotEnoughSpaceException ? 3 : 1);
            return;
        }
        if (demo && appliance.satellite() == null) { // a satellite has no hall, counters or queue to show
            DemoBanner.print(appliance);
        }
        Thread.currentThread().join(); // the appliance runs on its own threads until the shutdown hook
    }

    /** @return the exit status: 0 valid (prints OK), 2 invalid (one line per problem on stderr) */
    static int check(Path file, ConfigLoader.Options options) {
        try {
            ConfigLoader.load(file, options);
            System.out.println("OK " + file);
            return 0;
        } catch (ConfigException e) {
            printProblems(e);
            return 2;
        } catch (RuntimeException e) { // a bug in a check: still one line
            System.err.println("motcua: " + file + ": the config could not be checked (" + e + ")");
            return 2;
        }
    }

    private static void printProblems(ConfigException e) {
        for (String problem : e.problems()) {
            System.err.println("motcua: " + e.source() + ": " + problem);
        }
    }

    private static java.time.LocalDate day(String option, String value) {
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            System.err.println("motcua: " + option + " " + value + ": not a day (YYYY-MM-DD)");
            System.exit(2);
            return null;
        }
    }

    private static String argument(String[] args, int i) {
        if (i >= args.length) {
            usage();
        }
        return args[i];
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }
}
