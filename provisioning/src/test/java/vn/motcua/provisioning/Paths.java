package vn.motcua.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put things; passed in by failsafe as system properties (see pom.xml). */
final class Paths {
    private Paths() {}

    static Path deb() {
        Path deb = Path.of(System.getProperty("motcua.deb", "target/motcua-appliance.deb"));
        if (!Files.isRegularFile(deb)) {
            throw new IllegalStateException("no package at " + deb + "; run `mvnw -pl provisioning -am verify`");
        }
        return deb.toAbsolutePath();
    }

    static Path repo() {
        return Path.of(System.getProperty("motcua.repo", "..")).toAbsolutePath().normalize();
    }

    /**
     * The throwaway roots need mount namespaces and overlayfs: root only. CI runs as root; on a
     * developer's machine without root these tests are skipped with this reason, never faked; with CI=true they fail.
     */
    static void assumeRoot() {
        long uid = -1;
        try {
            uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (Exception e) {
            // not Linux: leave uid at -1
        }
        String why = "needs root (mount namespace + overlayfs) like CI; run as root: sudo ./mvnw -pl provisioning -am verify";
        if (uid != 0 && "true".equals(System.getenv("CI"))) {
            // CI runs as root: a skip there would hide that the package and provisioning were never tested.
            org.junit.jupiter.api.Assertions.fail("CI=true but not root: " + why);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(uid == 0, why);
    }

    static Path script(String name) {
        return repo().resolve("provisioning/src/test/sh").resolve(name);
    }
}
