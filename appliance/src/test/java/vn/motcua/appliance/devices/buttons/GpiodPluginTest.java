package vn.motcua.appliance.devices.buttons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.extension.Plugin;
import com.pi4j.plugin.gpiod.GpioDPlugin;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.appliance.devices.DeviceStatus;

/**
 * The real Pi4J 4.0.0 libgpiod provider on this (amd64, no Raspberry Pi) machine, and what the .deb ships of it:
 * the buttons fail into problems(), never into an exception, and the aarch64 libgpiod is on the classpath.
 */
class GpiodPluginTest {
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void offAPiEachButtonAndTheLedIsAProblemAndNothingThrows() {
        Context ctx = GpiodContext.create("");
        var panel = new Pi4jButtonPanel(ctx, Pi4jButtonPanelTest.config(ButtonConfig.Pull.UP), scheduler, System::nanoTime);
        assertDoesNotThrow(panel::start);
        // buttons A (BCM 17), B (BCM 27) and the busy LED (BCM 22): none can be claimed without a chip
        assertEquals(3, panel.problems().size(), panel.problems().toString());
        assertTrue(panel.problems().getFirst().startsWith("button A on BCM 17: "), panel.problems().getFirst());
        assertDoesNotThrow(() -> panel.setBusy(true));
        assertDoesNotThrow(panel::close);
        ctx.shutdown();
    }

    @Test
    void theAppliancesGpioPanelReportsWhyInsteadOfThrowing() {
        var panel = Pi4jButtonPanel.onGpiod(Pi4jButtonPanelTest.config(ButtonConfig.Pull.UP), "", scheduler);
        assertDoesNotThrow(panel::start);
        assertFalse(panel.problems().isEmpty());
        // here: no /dev/gpiochip*; a PC with a GPIO chip gets past that and fails per pin instead
        assertTrue(panel.problems().stream().allMatch(p -> p.startsWith("GPIO: ") || p.contains(" on BCM ")),
                panel.problems().toString());
        // as /healthz and the staff pages get it: one fault, every problem in its detail
        assertEquals(DeviceStatus.State.FAULT, panel.status().state());
        assertEquals(DeviceStatus.Reason.PIN_UNAVAILABLE, panel.status().reason());
        assertEquals(String.join("; ", panel.problems()), panel.status().detail());
        assertDoesNotThrow(panel::close);
    }

    @Test
    void theGpiodPluginIsFoundByPi4jsServiceLoader() {
        assertTrue(ServiceLoader.load(Plugin.class).stream().anyMatch(p -> p.type() == GpioDPlugin.class));
    }

    @Test
    void theShippedLibgpiodIsAnAarch64AndAnArmhfSharedObject() throws Exception {
        for (String lib : new String[] {"libgpiod.so", "libpi4j-gpiod.so"}) {
            // e_machine 183 = EM_AARCH64 (64-bit, ELFCLASS64); 40 = EM_ARM (32-bit, ELFCLASS32) for armhf
            assertElf("lib/aarch64/pi4j-gpiod/" + lib, 2, 183);
            assertElf("lib/armhf/pi4j-gpiod/" + lib, 1, 40);
        }
    }

    private static void assertElf(String resource, int elfClass, int machine) throws Exception {
        try (InputStream in = GpioDPlugin.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " not on the classpath");
            byte[] h = in.readNBytes(20);
            assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, java.util.Arrays.copyOf(h, 4), resource);
            assertEquals(elfClass, h[4], resource + " EI_CLASS");
            assertEquals(1, h[5], resource + " EI_DATA little-endian");
            assertEquals(3, ByteBuffer.wrap(h, 16, 2).order(ByteOrder.LITTLE_ENDIAN).getShort(), resource + " ET_DYN");
            assertEquals(machine, ByteBuffer.wrap(h, 18, 2).order(ByteOrder.LITTLE_ENDIAN).getShort(), resource + " e_machine");
        }
    }
}
