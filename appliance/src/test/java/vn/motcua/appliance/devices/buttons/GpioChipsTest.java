package vn.motcua.appliance.devices.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpioChipsTest {
    @TempDir Path dev;

    @Test
    void noChipIsSaidInWords() {
        var p = GpioChips.problems(dev, "");
        assertEquals(1, p.size());
        assertTrue(p.getFirst().contains("no " + dev + "/gpiochip* device"), p.getFirst());
    }

    @Test
    void aPi5WithItsChipsIsFineAndAMistypedChipNamesWhatIsThere() throws Exception {
        Files.createFile(dev.resolve("gpiochip0"));
        Files.createFile(dev.resolve("gpiochip4"));
        Files.createFile(dev.resolve("gpiomem0")); // not a chip
        assertEquals(List.of(), GpioChips.problems(dev, ""));
        assertEquals(List.of(), GpioChips.problems(dev, "gpiochip4"));
        var p = GpioChips.problems(dev, "gpiochip5");
        assertEquals(List.of("GPIO: devices.buttons.gpiochip = 'gpiochip5' not found; present: [gpiochip0, gpiochip4]"), p);
    }

    @Test
    void aMissingDeviceDirectoryIsAProblemNotAnException() {
        var p = GpioChips.problems(dev.resolve("nope"), "");
        assertTrue(p.getFirst().startsWith("GPIO: cannot list "), p.getFirst());
    }
}
