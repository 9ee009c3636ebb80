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

    static Path script(String name) {
        return repo().resolve("provisioning/src/test/sh").resolve(name);
    }
}
