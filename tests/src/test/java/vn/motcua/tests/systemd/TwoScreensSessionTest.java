package vn.motcua.tests.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.pty.RealParts;
import vn.motcua.tests.harness.ApplianceProcess;

/**
 * The screen unit's launcher ({@code systemd/bin/motcua-kiosk}) in its two-screen mode ({@code MOTCUA_SCREENS=both}),
 * run for real: sway on its headless backend with two virtual outputs standing in for the Pi 4's two HDMI ports,
 * Debian's Chromium, and the demo appliance serving the pages. The outputs are named through the same settings
 * provisioning writes into /etc/default/motcua-kiosk (HEADLESS-1 and -2 where a Pi has HDMI-A-1 and -2). Shown from
 * sway's own tree and from grim's picture of each output: the touch kiosk full-screen on its output turned portrait,
 * the hall display full-screen on the other, and a killed kiosk browser back on its output while the hall display's
 * browser runs on. The session starts with the kiosk's output only and the second is plugged in later (swaymsg
 * create_output): the hall display's page waits hidden, the kiosk stays on its screen, and the page moves to its own
 * output when that appears. The pictures are saved as target/screens/two-screens-*-output.png (published in docs/screens/).
 *
 * <p>As root (CI) the session runs as {@code nobody}, as the unit runs it as motcua-kiosk: Chromium refuses to run as
 * root without {@code --no-sandbox}, which the product does not pass. No GPU here: sway renders with pixman
 * ({@code WLR_RENDERER=pixman}), Chromium falls back to software by itself (no extra flag).
 */
class TwoScreensSessionTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("motcua.kioskLauncher", "../systemd/bin/motcua-kiosk"))
            .toAbsolutePath().normalize();
    private static final Path SCREENS = Path.of("target/screens");
    /** Only stops a hung test: sway and two Chromiums on a loaded 2-core machine can take tens of seconds. */
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String KIOSK_OUTPUT = "HEADLESS-1";
    private static final String DISPLAY_OUTPUT = "HEADLESS-2";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void eachPageIsFullScreenOnItsOwnOutputAndAKilledBrowserComesBackThere() throws Exception {
        for (String program : List.of("sway", "swaymsg", "grim")) {
            RealParts.require(program, "apt-get install sway grim");
        }
        RealParts.require("/usr/bin/chromium", "apt-get install chromium");
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml); Session session = new Session(dir.resolve("session"))) {
            app.start();
            String base = "http://127.0.0.1:" + app.port();
            session.start(List.of("MOTCUA_SCREENS=both",
                    "MOTCUA_KIOSK_URL=" + base + "/kiosk", "MOTCUA_KIOSK_OUTPUT=" + KIOSK_OUTPUT,
                    // a Pi's 1920x1080 touch monitor mounted upright; the display keeps its output's own mode (as a TV
                    // with no motcua_display_mode does): 1920x1080 for sway 1.7's create_output
                    "MOTCUA_KIOSK_MODE=1920x1080", "MOTCUA_KIOSK_TRANSFORM=90",
                    "MOTCUA_DISPLAY_URL=" + base + "/display", "MOTCUA_DISPLAY_OUTPUT=" + DISPLAY_OUTPUT));

            // Titles come from the pages (web/*.html): each browser has loaded its page, on its output. The hall TV is
            // not there yet: its page waits on its workspace, hidden behind the kiosk, which keeps its screen.
            JsonNode kiosk = session.waitForWindow("__kiosk-", KIOSK_OUTPUT, "Lấy số thứ tự — Take a number");
            session.waitForWindow("__display-", KIOSK_OUTPUT, "Màn hình gọi số — Queue display");
            assertEquals(List.of("kiosk"), session.visibleWorkspaces(), "the kiosk's screen shows the kiosk");
            JsonNode plugged = session.swaymsg("command", "create_output"); // the hall TV plugged in: HEADLESS-2
            assertTrue(plugged.path(0).path("success").asBoolean(), plugged.toString());
            JsonNode display = session.waitForWindow("__display-", DISPLAY_OUTPUT, "Màn hình gọi số — Queue display");
            JsonNode kioskOutput = session.output(KIOSK_OUTPUT);
            JsonNode displayOutput = session.output(DISPLAY_OUTPUT);
            assertEquals("90", kioskOutput.path("transform").asText(), kioskOutput.toString());
            assertEquals(List.of(1080, 1920), size(kioskOutput.path("rect")), "the kiosk's output, portrait");
            List<Integer> landscape = size(displayOutput.path("rect"));
            assertEquals("normal", displayOutput.path("transform").asText(), displayOutput.toString());
            assertTrue(landscape.get(0) > landscape.get(1), "the display's output, landscape: " + landscape);
            // Full-screen: sway's flag, and the window covers its whole output (no bar, no border, no title).
            assertEquals(1, kiosk.path("fullscreen_mode").asInt(), kiosk.toString());
            assertEquals(1, display.path("fullscreen_mode").asInt(), display.toString());
            assertEquals(size(kioskOutput.path("rect")), size(kiosk.path("rect")), kiosk.toString());
            assertEquals(size(displayOutput.path("rect")), size(display.path("rect")), display.toString());

            BufferedImage kioskShot = session.screenshot(KIOSK_OUTPUT, "two-screens-kiosk-output");
            BufferedImage displayShot = session.screenshot(DISPLAY_OUTPUT, "two-screens-display-output");
            assertEquals(List.of(1080, 1920), List.of(kioskShot.getWidth(), kioskShot.getHeight()));
            assertEquals(landscape, List.of(displayShot.getWidth(), displayShot.getHeight()));

            // A crashed kiosk browser: its loop inside the session starts it again, on the kiosk's output, full-screen;
            // the hall display's browser is the same process throughout.
            long killed = kiosk.path("pid").asLong();
            ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
            long crashedAt = System.nanoTime();
            JsonNode again = session.waitForWindow("__kiosk-", KIOSK_OUTPUT, "Lấy số thứ tự — Take a number",
                    w -> w.path("pid").asLong() != killed);
            System.out.printf("kiosk browser back on %s %d ms after SIGKILL%n", KIOSK_OUTPUT,
                    (System.nanoTime() - crashedAt) / 1_000_000);
            assertNotEquals(killed, again.path("pid").asLong());
            assertEquals(1, again.path("fullscreen_mode").asInt(), again.toString());
            assertEquals(display.path("pid").asLong(),
                    session.waitForWindow("__display-", DISPLAY_OUTPUT, "Màn hình gọi số — Queue display").path("pid").asLong(),
                    "the hall display's browser was not restarted with the kiosk's");
        }
    }

    private static List<Integer> size(JsonNode rect) {
        return List.of(rect.path("width").asInt(), rect.path("height").asInt());
    }

    /**
     * A screenshot shows a page once it has more than a handful of colours (an output with nothing drawn, or a page
     * not painted yet, is one or two) and the page fills the output: its left and right edges are not sway's black
     * background (a page still laid out at its old size sits in the middle of a black output, with colours enough).
     */
    private static boolean showsAPage(BufferedImage image) {
        return colourful(image) && !mostlyBlack(image, 1) && !mostlyBlack(image, image.getWidth() - 2);
    }

    private static boolean colourful(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
                if (colours.size() > 50) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether most of column {@code x} is black (the compositor's background, nothing painted there). */
    private static boolean mostlyBlack(BufferedImage image, int x) {
        int black = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            black += (image.getRGB(x, y) & 0xFFFFFF) == 0 ? 1 : 0;
        }
        return black > image.getHeight() / 2;
    }

    /** The launcher's sway session, as the unit's user would run it, and its IPC. */
    private static final class Session implements AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final Path dir;
        private final Path runtime;
        private final boolean root;
        private Process launcher;
        private java.time.Instant started;

        Session(Path dir) throws IOException {
            this.dir = dir;
            this.runtime = dir.resolve("run");
            this.root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
            Files.createDirectories(dir.resolve("home"));
            Files.createDirectories(runtime, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (root) { // the session's user must reach its own directories under the test's
                Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
                run(List.of("chown", "-R", "nobody:nogroup", dir.resolve("home").toString(), runtime.toString()));
            }
        }

        /** The launcher with the unit's environment (HOME is its RuntimeDirectory), plus {@code settings}. */
        void start(List<String> settings) throws IOException {
            List<String> cmd = new ArrayList<>();
            if (root) {
                cmd.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            }
            cmd.addAll(List.of("env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=" + dir.resolve("home"),
                    "XDG_RUNTIME_DIR=" + runtime, "TMPDIR=" + dir.resolve("home"), // Chromium's sockets: not in /tmp
                    // the headless backend with two outputs, drawn in software; no input devices to open
                    "WLR_BACKENDS=headless", "WLR_HEADLESS_OUTPUTS=1", "WLR_RENDERER=pixman", "WLR_LIBINPUT_NO_DEVICES=1"));
            cmd.addAll(settings);
            cmd.addAll(List.of("/bin/sh", LAUNCHER.toString()));
            started = java.time.Instant.now().minusSeconds(1); // start times are coarse: a second's margin
            launcher = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("session.log").toFile()).start();
        }

        /** The window whose app_id contains {@code appId}, once on {@code output} showing the page {@code title}. */
        JsonNode waitForWindow(String appId, String output, String title) throws Exception {
            return waitForWindow(appId, output, title, w -> true);
        }

        JsonNode waitForWindow(String appId, String output, String title, java.util.function.Predicate<JsonNode> also)
                throws Exception {
            return waitFor(() -> {
                for (JsonNode out : tree().path("nodes")) {
                    for (JsonNode w : windows(out, new ArrayList<>())) {
                        if (w.path("app_id").asText().contains(appId) && out.path("name").asText().equals(output)
                                && w.path("name").asText().equals(title) && also.test(w)) {
                            return w;
                        }
                    }
                }
                return null;
            }, () -> appId + " showing " + title + " on " + output + "; sway's tree: " + tree());
        }

        List<String> visibleWorkspaces() throws Exception {
            List<String> names = new ArrayList<>();
            for (JsonNode ws : swaymsg("get_workspaces")) {
                if (ws.path("visible").asBoolean()) {
                    names.add(ws.path("name").asText());
                }
            }
            return names;
        }

        JsonNode output(String name) throws Exception {
            for (JsonNode out : swaymsg("get_outputs")) {
                if (out.path("name").asText().equals(name)) {
                    return out;
                }
            }
            throw new AssertionError("no output " + name);
        }

        /** grim's picture of one output, once it shows a page; saved under target/screens. */
        BufferedImage screenshot(String output, String name) throws Exception {
            Path png = SCREENS.resolve(name + ".png");
            Files.createDirectories(SCREENS);
            return waitFor(() -> {
                run(List.of("env", "XDG_RUNTIME_DIR=" + runtime, "WAYLAND_DISPLAY=" + waylandDisplay(),
                        "grim", "-o", output, png.toString()));
                BufferedImage image = ImageIO.read(png.toFile());
                return showsAPage(image) ? image : null;
            }, () -> "a painted page on " + output + " (" + png.toAbsolutePath() + ")");
        }

        private JsonNode tree() {
            try {
                return swaymsg("get_tree");
            } catch (Exception e) {
                return JSON.createObjectNode().put("error", e.toString());
            }
        }

        private static List<JsonNode> windows(JsonNode node, List<JsonNode> into) {
            if (node.has("app_id") && !node.path("app_id").isNull()) {
                into.add(node);
            }
            for (JsonNode child : node.path("nodes")) {
                windows(child, into);
            }
            for (JsonNode child : node.path("floating_nodes")) {
                windows(child, into);
            }
            return into;
        }

        JsonNode swaymsg(String type, String... command) throws Exception {
            List<String> cmd = new ArrayList<>(List.of("swaymsg", "-s", swaySocket().toString(), "-r", "-t", type));
            cmd.addAll(List.of(command));
            return JSON.readTree(run(cmd));
        }

        private Path swaySocket() throws IOException {
            try (var files = Files.list(runtime)) {
                return files.filter(p -> p.getFileName().toString().startsWith("sway-ipc.")).findFirst()
                        .orElseThrow(() -> new IOException("sway has no IPC socket yet"));
            }
        }

        private String waylandDisplay() throws IOException {
            try (var files = Files.list(runtime)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("wayland-\\d+")).findFirst()
                        .orElseThrow(() -> new IOException("sway has no Wayland socket yet"));
            }
        }

        private String run(List<String> cmd) throws IOException {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IOException(cmd + " exited " + p.exitValue() + ": " + out);
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        /** Polls every 200 ms (each poll starts a process) until {@code probe} gives a value; fails at LIMIT. */
        private <T> T waitFor(Probe<T> probe, Supplier<String> what) throws Exception {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            Exception last = null;
            while (System.nanoTime() < deadline) {
                assertTrue(launcher.isAlive(), () -> "the session ended: " + log());
                try {
                    T value = probe.get();
                    if (value != null) {
                        return value;
                    }
                } catch (IOException notYet) {
                    last = notYet;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("waited " + LIMIT.toSeconds() + " s for " + what.get() + " (last: " + last + ")\n"
                    + log());
        }

        private String log() {
            try {
                return Files.readString(dir.resolve("session.log"));
            } catch (IOException e) {
                return e.toString();
            }
        }

        /** Ends sway (the session's main process); the browsers' loops then end by themselves. */
        @Override
        public void close() throws InterruptedException {
            if (launcher == null) {
                return;
            }
            List<ProcessHandle> all = new ArrayList<>(launcher.descendants().toList());
            launcher.destroy();
            if (!launcher.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
            launcher.waitFor();
            // Anything of the session's still there after sway goes too, and is waited for, or the temporary folder
            // cannot be deleted under a browser still writing its profile: a browser a restart loop started after
            // the list above, or a child Chromium forked and orphaned. As root the session is nobody's, and nobody
            // else's processes start during this test: every nobody process started since the session began is its.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
            while (true) {
                if (root) {
                    ProcessHandle.allProcesses().filter(this::startedBySession).forEach(all::add);
                }
                List<ProcessHandle> alive = all.stream().filter(ProcessHandle::isAlive).toList();
                if (alive.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                alive.forEach(ProcessHandle::destroyForcibly);
                Thread.sleep(100);
            }
        }

        /** A process of the session's user started after the session: the session's own (see close). */
        private boolean startedBySession(ProcessHandle p) {
            ProcessHandle.Info info = p.info();
            return info.user().map("nobody"::equals).orElse(false)
                    && info.startInstant().map(t -> !t.isBefore(started)).orElse(false);
        }
    }

    @FunctionalInterface
    private interface Probe<T> {
        T get() throws Exception;
    }
}
