package vn.motcua.appliance.devices.buttons;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the configured button panel: Pi4J libgpiod GPIO, simulated (demo), or none. Wiring only; call start() after adding listeners. */
public final class ButtonDevice {
    private ButtonDevice() {}

    public static Optional<ButtonPanel> open(ButtonSetup s, ScheduledExecutorService scheduler) {
        return switch (s.mode()) {
            case OFF -> Optional.empty();
            case SIMULATED -> Optional.of(new SimulatedButtonPanel(s.services()));
            case GPIO -> Optional.of(Pi4jButtonPanel.onGpiod(s.config(), s.gpioChip(), scheduler));
        };
    }
}
