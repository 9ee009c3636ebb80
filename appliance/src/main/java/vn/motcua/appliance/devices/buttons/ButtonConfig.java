package vn.motcua.appliance.devices.buttons;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The button panel's wiring: one button per service on a BCM GPIO pin, how they are pulled, and
 * the optional busy LED and buzzer. Validated here so a wiring mistake is refused at start.
 *
 * @param buttons     service code to BCM pin, e.g. {@code A -> 17}
 * @param pull        UP: button to ground, pressed = low (the usual wiring, uses the Pi's internal pull-up);
 *                    DOWN: button to 3.3 V, pressed = high
 * @param debounce    edges closer together than this are contact bounce
 * @param repeatGuard a second press of the same button within this time is ignored (one ticket per press)
 * @param busyLed     optional pin of an LED lit while a ticket prints
 * @param buzzer      optional pin of an active buzzer beeped on each accepted press
 */
public record ButtonConfig(List<ButtonPin> buttons, Pull pull, Duration debounce, Duration repeatGuard,
                           OptionalInt busyLed, OptionalInt buzzer) {

    public enum Pull { UP, DOWN }

    /** One button. */
    public record ButtonPin(String serviceCode, int bcm) {}

    public ButtonConfig {
        buttons = List.copyOf(buttons);
        if (buttons.isEmpty() || buttons.size() > 16) {
            throw new IllegalArgumentException("buttons.map: 1 to 16 buttons, got " + buttons.size());
        }
        Set<Integer> pins = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (ButtonPin b : buttons) {
            checkPin("buttons.map(" + b.serviceCode() + ").bcm", b.bcm(), pins);
            if (b.serviceCode().isBlank() || b.serviceCode().length() > 32 || !codes.add(b.serviceCode())) {
                throw new IllegalArgumentException("buttons.map: service code blank, too long or repeated: '" + b.serviceCode() + "'");
            }
        }
        busyLed.ifPresent(p -> checkPin("buttons.busy_led", p, pins));
        buzzer.ifPresent(p -> checkPin("buttons.buzzer", p, pins));
        if (debounce.toMillis() < 1 || debounce.toMillis() > 500) {
            throw new IllegalArgumentException("buttons.debounce_ms must be 1..500 ms");
        }
        if (repeatGuard.compareTo(debounce) < 0 || repeatGuard.toSeconds() > 30) {
            throw new IllegalArgumentException("buttons.repeat_guard_ms must be at least the debounce and at most 30 s");
        }
    }

    private static void checkPin(String key, int bcm, Set<Integer> used) {
        // BCM 0/1 are the HAT EEPROM pins; 2..27 are the header's GPIOs
        if (bcm < 2 || bcm > 27) {
            throw new IllegalArgumentException(key + ": BCM pin must be 2..27, is " + bcm);
        }
        if (!used.add(bcm)) {
            throw new IllegalArgumentException(key + ": BCM pin " + bcm + " is used twice");
        }
    }
}
