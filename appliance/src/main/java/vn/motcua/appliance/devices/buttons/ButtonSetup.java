package vn.motcua.appliance.devices.buttons;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

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
public record ButtonSetup(Mode mode, ButtonConfig config, String gpioChip) {

    public enum Mode { GPIO, SIMULATED, OFF }

    /** @param services the office's service codes: every mapped button must name one */
    public static ButtonSetup from(JsonNode devices, Set<String> services) {
        JsonNode n = devices.path("buttons");
        List<String> problems = new ArrayList<>();
        String modeText = n.path("mode").asText("off");
        Mode mode = switch (modeText) {
            case "gpio" -> Mode.GPIO;
            case "simulated" -> Mode.SIMULATED;
            case "off" -> Mode.OFF;
            default -> {
                problems.add("devices.buttons.mode = '" + clip(modeText) + "': expected gpio, simulated or off");
                yield Mode.OFF;
            }
        };
        if (mode == Mode.OFF && problems.isEmpty()) {
            return new ButtonSetup(Mode.OFF, null, "");
        }
        String pullText = n.path("pull").asText("up");
        if (!pullText.equals("up") && !pullText.equals("down")) {
            problems.add("devices.buttons.pull = '" + clip(pullText) + "': expected up or down");
        }
        String chip = n.path("gpiochip").asText("");
        if (!chip.isEmpty() && !chip.matches("gpiochip\\d{1,2}")) {
            problems.add("devices.buttons.gpiochip = '" + clip(chip) + "': expected gpiochipN, e.g. gpiochip0");
        }
        List<ButtonConfig.ButtonPin> pins = new ArrayList<>();
        int i = 0;
        for (JsonNode b : n.path("map")) {
            String service = b.path("service").asText("");
            if (!services.contains(service)) {
                problems.add("devices.buttons.map[" + i + "].service = '" + clip(service) + "': expected a configured service code");
            }
            pins.add(new ButtonConfig.ButtonPin(service, b.path("bcm").asInt(-1)));
            i++;
        }
        ButtonConfig config = null;
        try {
            config = new ButtonConfig(pins, pullText.equals("down") ? ButtonConfig.Pull.DOWN : ButtonConfig.Pull.UP,
                    Duration.ofMillis(n.path("debounce_ms").asLong(30)), Duration.ofMillis(n.path("repeat_guard_ms").asLong(1000)),
                    pin(n, "busy_led"), pin(n, "buzzer"));
        } catch (IllegalArgumentException e) {
            problems.add("devices." + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new ButtonSetup(mode, config, chip);
    }

    private static OptionalInt pin(JsonNode n, String key) {
        return n.hasNonNull(key) ? OptionalInt.of(n.path(key).asInt(-1)) : OptionalInt.empty();
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
