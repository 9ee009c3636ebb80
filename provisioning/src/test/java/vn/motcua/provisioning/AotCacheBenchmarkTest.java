package vn.motcua.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Does the JDK 25 AOT cache (JEP 483/514) shorten the start of a Jetty server with the appliance's
 * classpath and the launcher's JVM flags? Cold JVM per sample, with and without the cache,
 * interleaved. Prints p50/p99 and the ratio; asserts only that every start succeeded.
 * Run: ./mvnw -B -pl provisioning -am verify -Dmotcua.bench=true -Dit.test=AotCacheBenchmarkTest
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class AotCacheBenchmarkTest {
    private static final int SAMPLES = 15;
    private static String logbackConfig;
    /** The flags of systemd/bin/motcua-appliance that matter for class loading and the heap. */
    private static final List<String> FLAGS = List.of("-Xms16m", "-Xmx40m", "-Xmn8m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders", "--enable-native-access=ALL-UNNAMED");

    @Test
    void startWithAndWithoutAotCache(@TempDir Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path applianceLib = Path.of(System.getProperty("motcua.applianceJar")).getParent().resolve("lib");
        // The AOT cache accepts jars only on the class path, no folders: pack the probe into one.
        Path probeJar = tmp.resolve("probe.jar");
        Path classes = Path.of(System.getProperty("motcua.testClasses"));
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(probeJar));
                var probes = Files.list(classes.resolve("vn/motcua/provisioning"))) {
            for (Path c : probes.filter(f -> f.getFileName().toString().startsWith("JettyStartProbe")).toList()) {
                jar.putNextEntry(new java.util.jar.JarEntry("vn/motcua/provisioning/" + c.getFileName()));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
        }
        // Logging as on the device (INFO, not logback's DEBUG-to-console default).
        Path logback = tmp.resolve("logback.xml");
        Files.writeString(logback, "<configuration><appender name=\"o\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<encoder><pattern>%msg%n</pattern></encoder></appender><root level=\"INFO\"><appender-ref ref=\"o\"/></root></configuration>");
        List<String> cp = new ArrayList<>();
        cp.add(probeJar.toString());
        try (var files = Files.list(applianceLib)) {
            files.map(Path::toString).sorted().forEach(cp::add);
        }
        String classpath = String.join(File.pathSeparator, cp);
        logbackConfig = logback.toString();
        Path aot = tmp.resolve("motcua.aot");
        assertEquals(0, start(java, classpath, "-XX:AOTCacheOutput=" + aot, tmp), "training run");

        long[] cold = new long[SAMPLES];
        long[] cached = new long[SAMPLES];
        start(java, classpath, null, tmp);   // one warm-up of the OS page cache for both
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            assertEquals(0, start(java, classpath, null, tmp));
            cold[i] = System.nanoTime() - t;
            t = System.nanoTime();
            assertEquals(0, start(java, classpath, "-XX:AOTCache=" + aot, tmp));
            cached[i] = System.nanoTime() - t;
        }
        Arrays.sort(cold);
        Arrays.sort(cached);
        System.out.printf("JVM start -> Jetty serving one request -> exit, %d cold JVMs each%n", SAMPLES);
        System.out.printf("  no AOT cache  p50 %5d ms  p99(max) %5d ms%n", cold[SAMPLES / 2] / 1_000_000, cold[SAMPLES - 1] / 1_000_000);
        System.out.printf("  AOT cache     p50 %5d ms  p99(max) %5d ms  cache %d KB%n", cached[SAMPLES / 2] / 1_000_000,
                cached[SAMPLES - 1] / 1_000_000, Files.size(aot) / 1024);
        System.out.printf("  ratio cached/cold p50 %.2f%n", (double) cached[SAMPLES / 2] / cold[SAMPLES / 2]);
    }

    private static int start(String java, String classpath, String aotFlag, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(FLAGS);
        cmd.add("-Dlogback.configurationFile=" + logbackConfig);
        if (aotFlag != null) {
            cmd.add(aotFlag);
        }
        cmd.addAll(List.of("-cp", classpath, "vn.motcua.provisioning.JettyStartProbe"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("jvm.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
