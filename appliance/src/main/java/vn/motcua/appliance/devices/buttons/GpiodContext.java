package vn.motcua.appliance.devices.buttons;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.context.ContextBuilder;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;

/**
 * A Pi4J 4.0.0 context holding only the libgpiod providers (pi4j-plugin-gpiod): no auto-detection, so nothing
 * else on the classpath (another plugin, a platform) can take the pins. The providers talk to the kernel's GPIO
 * character device through the libgpiod bundled in pi4j-library-gpiod (aarch64 and armhf; no system libgpiod).
 *
 * <p>What that provider does, read from its 4.0.0 classes: the chip is the one named by {@code gpioChip} or
 * else the first whose label contains "pinctrl" (Pi 4: gpiochip0 "pinctrl-bcm2711"; Pi 5: "pinctrl-rp1",
 * gpiochip4 on older kernels, gpiochip0 on newer); pull-up/down are libgpiod line-request bias flags (kernel
 * 5.5 or newer); debounce is done in Java on the event timestamps. Off a Raspberry Pi (board model unknown)
 * it opens no chip and each pin it is asked for fails with an IllegalStateException, which
 * {@link Pi4jButtonPanel} turns into its status.
 */
public final class GpiodContext {
    private GpiodContext() {}

    /** @param gpioChip a chip name such as {@code gpiochip4}, or empty to let the provider find the "pinctrl" chip */
    public static Context create(String gpioChip) {
        ContextBuilder b = Pi4J.newContextBuilder().noAutoDetect().disableShutdownHook()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance());
        if (!gpioChip.isEmpty()) {
            b.setGpioChipName(gpioChip);
        }
        return b.build();
    }
}
