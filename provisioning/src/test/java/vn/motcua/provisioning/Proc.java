package vn.motcua.provisioning;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real program with a time bound; output goes to a file so a chatty one never blocks. */
record Proc(int exitCode, String output) {

    static Proc run(Path workDir, Duration timeout, Map<String, String> env, List<String> command) {
        try {
            Files.createDirectories(workDir);
            Path log = Files.createTempFile(workDir, "proc-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.seconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(command + " did not finish within " + timeout.seconds() + " s:\n" + Files.readString(log));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println("$ " + String.join(" ", command) + "\n" + out);
            return new Proc(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Proc run(Path workDir, Duration timeout, String... command) {
        return run(workDir, timeout, Map.of(), List.of(command));
    }

    /** A time bound in whole seconds (java.time.Duration would do, this keeps call sites short). */
    record Duration(long seconds) {
        static Duration ofSeconds(long s) {
            return new Duration(s);
        }
    }

    /** The "N passed, N failed" line the shell checks print last. */
    int failedChecks() {
        var m = java.util.regex.Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$").matcher(output);
        int failed = -1;
        while (m.find()) {
            failed = Integer.parseInt(m.group(2));
        }
        return failed;
    }
}
