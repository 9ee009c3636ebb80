package vn.motcua.tests.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.config.ConfigMutations;

/**
 * The packaged appliance started, as systemd starts it, on a demo config with bad values in five sections (issue
 * 16: a typo in [devices.printer] used to migrate the database, open the counter bus, then die with a stack trace,
 * and only the first of two problems was ever named). It exits with status 2, prints one line per problem naming
 * its key and nothing else, and leaves the data folder empty: no database, no journal. {@code --check-config}
 * says the same without starting, and "OK" with status 0 for the demo config as shipped.
 */
class BadConfigProcessTest {
    private static final Path JAR = Path.of(System.getProperty("motcua.applianceJar", "../appliance/target/motcua-appliance.jar"));
    private static final Path EXAMPLE_CONF = Path.of("../appliance/src/main/dist/appliance.conf");
    /** How many of the generated mutations are started as real processes (about a second each). */
    private static final int SAMPLES = 24;
    private static final Path DEMO_CONF = Path.of(System.getProperty("motcua.demoConf", "../appliance/src/main/dist/demo.conf"));

    @TempDir
    Path dir;

    record Run(int exit, List<String> stdout, List<String> stderr) {}

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the appliance did not exit");
        return new Run(p.exitValue(), Files.readAllLines(dir.resolve("out.txt")), Files.readAllLines(dir.resolve("err.txt")));
    }

    private Path config(String toml) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path conf = dir.resolve("appliance.conf");
        Files.writeString(conf, toml.replace("data_dir       = \"./data\"", "data_dir = \"" + data + "\""));
        return conf;
    }

    @Test
    void aConfigWithBadValuesInFiveSectionsStopsWithOneLinePerProblemAndWritesNothing() throws Exception {
        String demo = Files.readString(DEMO_CONF);
        String bad = demo.replace("zone                   = \"Asia/Ho_Chi_Minh\"", "zone = \"Asia/Hanoi\"")
                .replaceFirst("(\\[devices\\.printer\\]\\n)mode = \"simulated\"", "$1mode = \"usbprinter\"")
                .replace("[manager]\n", "[manager]\nalert_wiat = \"30m\"\n")
                .replace("[web]\n", "[web]\nport_lan = 8443\n")
                + "\n[uplink]\nenabled = false\nbogus_key = 1\n";
        assertFalse(bad.equals(demo));
        Path conf = config(bad);
        List<String> keys = List.of("queue.zone", "devices.printer.mode", "manager.alert_wiat", "web.port_lan", "uplink.bogus_key");

        Run start = run("--config", conf.toString(), "--demo");
        assertEquals(2, start.exit(), start.toString());
        assertEquals(keys.size(), start.stderr().size(), "one line per problem: " + start.stderr());
        for (String key : keys) {
            assertTrue(start.stderr().stream().anyMatch(l -> l.startsWith("motcua: " + conf + ": " + key + " = ")), key + " in " + start.stderr());
        }
        String all = String.join("\n", start.stdout()) + String.join("\n", start.stderr());
        assertFalse(all.contains("Exception") || all.contains("at vn.") || all.contains("\tat "), all);
        try (Stream<Path> left = Files.list(dir.resolve("data"))) {
            assertEquals(List.of(), left.toList(), "nothing written: no motcua.mv.db, no journal");
        }

        Run check = run("--check-config", conf.toString());
        assertEquals(2, check.exit(), check.toString());
        assertEquals(start.stderr(), check.stderr(), "the check says exactly what the start says");
        try (Stream<Path> left = Files.list(dir.resolve("data"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    /**
     * A spread of the generated mutations of the example config ({@code ConfigMutations}: every one is refused
     * in-process by the appliance's {@code ConfigMutationTest}), each started as the real process: status 2, every
     * line of its output a problem naming a key, one of them the mutated key, no stack trace, nothing written.
     */
    @Test
    void aSpreadOfTheGeneratedBadConfigsEachStopsTheRealProcessBeforeAnythingIsWritten() throws Exception {
        Path data = dir.resolve("data");
        String example = Files.readString(EXAMPLE_CONF).replace("data_dir       = \"/var/lib/motcua\"",
                "data_dir       = \"" + data + "\"");
        List<ConfigMutations.Mutation> all = ConfigMutations.of(example);
        int step = Math.max(1, all.size() / SAMPLES);
        Path conf = dir.resolve("mutated.conf");
        for (int i = 0; i < all.size(); i += step) {
            ConfigMutations.Mutation m = all.get(i);
            Files.createDirectories(data);
            Files.writeString(conf, m.toml());
            Run start = run("--config", conf.toString());
            assertEquals(2, start.exit(), m.name() + ": " + start);
            assertFalse(start.stderr().isEmpty(), m.name());
            for (String line : start.stderr()) {
                assertTrue(line.matches("motcua: " + java.util.regex.Pattern.quote(conf.toString())
                        + ": [a-z_]+(\\[\\d+\\])?(\\.[a-z_]+(\\[\\d+\\])?)*( = |: ).*"), m.name() + ": " + line);
            }
            assertTrue(start.stderr().stream().anyMatch(l -> l.contains(m.key() + " = ") || l.contains(m.key() + ": ")
                    || l.contains(m.key() + "[")), m.name() + " names " + m.key() + ": " + start.stderr());
            String out = String.join("\n", start.stdout()) + String.join("\n", start.stderr());
            assertFalse(out.contains("Exception") || out.contains("\tat "), m.name() + ": " + out);
            try (Stream<Path> left = Files.list(data)) {
                assertEquals(List.of(), left.toList(), m.name() + ": nothing written");
            }
        }
    }

    @Test
    void checkConfigSaysOkForTheShippedDemoConfigAndStartsNothing() throws Exception {
        Path conf = config(Files.readString(DEMO_CONF));
        Run check = run("--check-config", conf.toString(), "--demo");
        assertEquals(0, check.exit(), check.toString());
        assertEquals(List.of("OK " + conf), check.stdout());
        try (Stream<Path> left = Files.list(dir.resolve("data"))) {
            assertEquals(List.of(), left.toList());
        }
    }
}
