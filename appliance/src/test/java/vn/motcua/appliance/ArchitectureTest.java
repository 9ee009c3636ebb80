package vn.motcua.appliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers hold (issue 16 item 5): no package of the appliance depends on itself through others, and the devices
 * speak to hardware and the queue, never to the web server or the database. A new package is added to {@link
 * #PACKAGES} on purpose, so the picture in docs/architecture.md is updated with it.
 */
class ArchitectureTest {
    private static final String ROOT = "vn.motcua.appliance";

    /** Every package of the appliance, below {@link #ROOT}. */
    private static final Set<String> PACKAGES = Set.of(
            "", "config", "config.section", "devices", "devices.buttons", "devices.counterbus", "devices.printer",
            "devices.printer.sim", "devices.reader", "devices.reader.sim", "devices.resident", "district", "domain", "history", "json",
            "parts", "satellite", "service", "store",
            "systemd", "uplink", "web", "web.auth", "web.live", "web.metrics", "web.pages", "web.paired", "web.phone", "web.reports", "web.satellite", "web.sim", "web.status",
            "web.voice");

    private static JavaClasses appliance;

    @BeforeAll
    static void importClasses() {
        appliance = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void thePackagesAreTheKnownOnes() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : appliance) {
            String p = c.getPackageName();
            found.add(p.equals(ROOT) ? "" : p.substring(ROOT.length() + 1));
        }
        assertEquals(new TreeSet<>(PACKAGES), found);
    }

    @Test
    void theReadmeListsEveryPackage() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        for (String p : PACKAGES) {
            String name = p.isEmpty() ? "appliance" : "appliance." + p;
            assertTrue(readme.contains("| `" + name + "` |"), "README.md's package table has no row for " + name);
        }
    }

    @Test
    void noPackageCycles() {
        // Each package is a slice of its own, so devices.printer -> devices is a dependency between two slices like
        // any other. No exceptions: the device sections are read with config.section's helpers and report their
        // problems as lines, so config -> devices never comes back.
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles()
                .check(appliance);
    }

    @Test
    void devicesImportNoJetty() {
        noClasses().that().resideInAPackage(ROOT + ".devices..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .because("the simulators' web controls live in web.sim; devices are not web handlers")
                .check(appliance);
    }

    @Test
    void devicesImportNoStore() {
        noClasses().that().resideInAPackage(ROOT + ".devices..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".store..")
                .because("devices reach what they need of the store through ports of their own (e.g. KeypadCursors)")
                .check(appliance);
    }
}
