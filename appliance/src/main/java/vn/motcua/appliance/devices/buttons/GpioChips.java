package vn.motcua.appliance.devices.buttons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks at the GPIO character devices before Pi4J does, so a technician reads why the buttons are dead in
 * words ("no /dev/gpiochip*", "no access: add the user to group gpio") instead of Pi4J's "No gpio chip yet
 * initialized!". Only existence and access are checked; which chip holds the header pins is Pi4J's job
 * (the chip whose label contains "pinctrl": gpiochip0 on a Pi 4, gpiochip4 or gpiochip0 on a Pi 5).
 */
public final class GpioChips {
    private GpioChips() {}

    /**
     * @param dev        the device directory ({@code /dev})
     * @param wantedChip a configured chip name such as {@code gpiochip4}, or empty for Pi4J's choice
     * @return technician-facing problems; empty when a usable chip is there
     */
    public static List<String> problems(Path dev, String wantedChip) {
        List<Path> chips;
        try (Stream<Path> s = Files.list(dev)) {
            chips = s.filter(p -> p.getFileName().toString().matches("gpiochip\\d+")).sorted().toList();
        } catch (IOException e) {
            return List.of("GPIO: cannot list " + dev + ": " + e.getMessage());
        }
        if (chips.isEmpty()) {
            return List.of("GPIO: no " + dev + "/gpiochip* device (not a Raspberry Pi, or the GPIO devices are not"
                    + " passed into this container)");
        }
        List<Path> used = chips;
        if (!wantedChip.isEmpty()) {
            used = chips.stream().filter(p -> p.getFileName().toString().equals(wantedChip)).toList();
            if (used.isEmpty()) {
                return List.of("GPIO: devices.buttons.gpiochip = '" + wantedChip + "' not found; present: "
                        + chips.stream().map(p -> p.getFileName().toString()).toList());
            }
        }
        List<String> problems = new ArrayList<>();
        for (Path p : used) {
            if (!Files.isReadable(p) || !Files.isWritable(p)) {
                problems.add("GPIO: no read/write access to " + p + ": add the appliance's user to group 'gpio'");
            }
        }
        return problems;
    }
}
