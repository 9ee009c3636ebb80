package vn.motcua.appliance.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The independent readers the export tests run (openpyxl, Python's csv, poppler's pdftotext and pdftoppm). A
 * developer's machine without one skips the test that needs it; under {@code CI=true} a missing program fails it,
 * so CI never passes by reading nothing (.ci/packages.txt installs them).
 */
public final class ExternalPrograms {
    /** Debian's Python, with python3-openpyxl: the {@code python3} on a developer's PATH may be another one. */
    static final String PYTHON = "/usr/bin/python3";

    private ExternalPrograms() {}

    /** Skips (or under CI fails) unless {@code command} runs and exits 0. */
    public static void require(String why, String... command) {
        boolean ok;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        if (!ok) {
            String message = why + ": `" + String.join(" ", command) + "` does not run (Debian package in .ci/packages.txt)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Runs {@code command}, expects exit 0 within a minute, and returns what it printed (UTF-8). */
    static String run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("motcua-program", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command + " still running after a minute");
            }
            assertEquals(0, p.exitValue(), command + ": " + Files.readString(err));
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** A test resource (src/test/resources/reports) copied to a file, for a program to run. */
    static Path script(Path dir, String name) throws IOException {
        Path to = dir.resolve(name);
        try (var in = ExternalPrograms.class.getResourceAsStream("/reports/" + name)) {
            Files.copy(in, to);
        }
        return to;
    }
}
