package vn.motcua.appliance.devices.buttons;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import vn.motcua.appliance.config.section.DeviceSection;

/**
 * The {@code [devices.buttons]} config section; problems are collected with their keys and thrown
 * together as one {@link IllegalArgumentException}, one per line.
 *
 * <pre>
 * [devices.buttons]
 * mode = "gpio"          # gpio (Pi4J libgpiod), simulated, off
 * gpiochip = "gpiochip4" # optional: the chip of the header pins; default: the one labelled "pinctrl-*"
 * pull = "up"            # up: button to GND (pressed = low); down: button to 3.3 V
 * debounce_ms = 30
 * repeat_guard_ms = 1000
 * busy_led = 24          # optional BCM pin
 * buzzer = 25            # optional BCM pin
 * [[devices.buttons.map]]
 * service = "ho-tich"
 * bcm = 17
 * </pre>
 */
public record ButtonSetup(Mode mode, ButtonConfig config, String gpioChip, java.util.List<String> services) {

    public enum Mode { GPIO, SIMULATED, OFF }

    /** Every key of the section, and of each {@code [[devices.buttons.map]]} entry: anything else is a config error. */
    public static final Set<String> KEYS = Set.of("mode", "gpiochip", "pull", "debounce_ms", "repeat_guard_ms",
            "busy_led", "buzzer", "map");
    public static final Set<String> MAP_KEYS = Set.of("service", "bcm");

    /** @param services the office's service codes: every mapped button must name one */
    public static ButtonSetup from(JsonNode devices, Set<String> services) {
        return from(devices, services, false);
    }

    /**
     * @param services the office's service codes, in order: every mapped button must name one
     * @param demo     without a {@code [devices.buttons]} section the demo has one simulated button per service
     */
    public static ButtonSetup from(JsonNode devices, Set<String> services, boolean demo) {
        if (demo && devices.path("buttons").isMissingNode()) {
            return new ButtonSetup(Mode.SIMULATED, null, "", List.copyOf(services));
        }
        List<String> problems = new ArrayList<>();
        DeviceSection n = DeviceSection.of(devices, "buttons", KEYS, problems);
        String modeText = n.text("mode", "off");
        Mode mode = switch (modeText) {
            case "gpio" -> Mode.GPIO;
            case "simulated" -> Mode.SIMULATED;
            case "off" -> Mode.OFF;
            default -> {
                n.problem("mode", "gpio, simulated or off");
                yield Mode.OFF;
            }
        };
        String pullText = n.text("pull", "up");
        if (!pullText.equals("up") && !pullText.equals("down")) {
            n.problem("pull", "up or down");
        }
        String chip = n.text("gpiochip", "");
        if (!chip.isEmpty() && !chip.matches("gpiochip\\d{1,2}")) {
            n.problem("gpiochip", "gpiochipN, e.g. gpiochip0");
        }
        List<ButtonConfig.ButtonPin> pins = new ArrayList<>();
        for (DeviceSection b : n.entries("map", MAP_KEYS)) {
            String service = b.text("service", "");
            if (!services.contains(service)) {
                b.problem("service", "a configured service code");
            }
            if (!b.has("bcm")) {
                b.problem("bcm", "the button's BCM pin, 2..27");
            }
            pins.add(new ButtonConfig.ButtonPin(service, b.integer("bcm", -1, 2, 27)));
        }
        Duration debounce = Duration.ofMillis(n.number("debounce_ms", 30, 1, 500));
        Duration guard = Duration.ofMillis(n.number("repeat_guard_ms", 1000, 1, 30_000));
        OptionalInt led = pin(n, "busy_led");
        OptionalInt buzzer = pin(n, "buzzer");
        if (mode == Mode.OFF && problems.isEmpty()) {
            return new ButtonSetup(Mode.OFF, null, "", List.of());
        }
        ButtonConfig config = null;
        if (problems.isEmpty()) { // the wiring checks (pins used twice, no buttons) once every value is readable
            try {
                config = new ButtonConfig(pins, pullText.equals("down") ? ButtonConfig.Pull.DOWN : ButtonConfig.Pull.UP,
                        debounce, guard, led, buzzer);
            } catch (IllegalArgumentException e) {
                problems.add("devices." + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new ButtonSetup(mode, config, chip, pins.stream().map(ButtonConfig.ButtonPin::serviceCode).toList());
    }

    private static OptionalInt pin(DeviceSection n, String key) {
        return n.has(key) ? OptionalInt.of(n.integer(key, -1, 2, 27)) : OptionalInt.empty();
    }
}
