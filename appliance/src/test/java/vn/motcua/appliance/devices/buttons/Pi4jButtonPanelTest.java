package vn.motcua.appliance.devices.buttons;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jButtonPanelTest {
    static final long MS = 1_000_000L;
    final FakeGpio gpio = new FakeGpio();
    final Context pi4j = Pi4J.newContextBuilder().noAutoDetect().add(gpio.inputProvider, gpio.outputProvider).build();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final AtomicLong now = new AtomicLong(1_000 * MS);
    final List<String> presses = new CopyOnWriteArrayList<>();

    static ButtonConfig config(ButtonConfig.Pull pull) {
        return new ButtonConfig(List.of(new ButtonConfig.ButtonPin("A", 17), new ButtonConfig.ButtonPin("B", 27)),
                pull, Duration.ofMillis(30), Duration.ofMillis(800), OptionalInt.of(22), OptionalInt.empty());
    }

    Pi4jButtonPanel panel(ButtonConfig.Pull pull) {
        var p = new Pi4jButtonPanel(pi4j, config(pull), scheduler, now::get);
        p.addPressListener((code, at) -> presses.add(code));
        p.start();
        return p;
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        pi4j.shutdown();
    }

    void at(long ms, int pin, com.pi4j.io.gpio.digital.DigitalState s) {
        now.set(1_000 * MS + ms * MS);
        gpio.set(pin, s);
    }

    @Test
    void aBouncyPressOnAPulledUpButtonIsOneTicket() {
        var p = panel(ButtonConfig.Pull.UP);
        assertEquals(List.of(), p.problems());
        assertEquals(com.pi4j.io.gpio.digital.PullResistance.PULL_UP, gpio.inputs.get(17).config().pull());
        at(0, 17, HIGH);   // idle, pulled up
        at(100, 17, LOW);  // contact
        at(102, 17, HIGH); // bounce
        at(103, 17, LOW);
        at(300, 17, HIGH); // release
        at(301, 17, LOW);  // release bounce
        at(302, 17, HIGH);
        assertEquals(List.of("A"), presses);
    }

    @Test
    void twoServicesAndAPressAfterTheRepeatGuardEachCount() {
        panel(ButtonConfig.Pull.UP);
        at(0, 17, HIGH);
        at(0, 27, HIGH);
        at(100, 17, LOW);
        at(200, 17, HIGH);
        at(500, 27, LOW);   // the other service: its own guard
        at(600, 27, HIGH);
        at(700, 17, LOW);   // 600 ms after A's press: inside the guard, ignored
        at(750, 17, HIGH);
        at(1200, 17, LOW);  // 1100 ms after: a new resident
        assertEquals(List.of("A", "B", "A"), presses);
    }

    @Test
    void pullDownWiringTreatsHighAsPressed() {
        panel(ButtonConfig.Pull.DOWN);
        at(0, 17, LOW);
        at(100, 17, HIGH);
        assertEquals(List.of("A"), presses);
    }

    @Test
    void theBusyLedFollowsPrinting() {
        var p = panel(ButtonConfig.Pull.UP);
        p.setBusy(true);
        assertEquals(HIGH, gpio.outputs.get(22).state());
        p.setBusy(false);
        assertEquals(LOW, gpio.outputs.get(22).state());
    }

    @Test
    void aPinThatCannotBeClaimedIsAProblemNotACrash() {
        gpio.inputProvider.create(com.pi4j.io.gpio.digital.DigitalInput.newConfigBuilder(pi4j).id("other").bcm(27).build());
        var p = panel(ButtonConfig.Pull.UP);
        assertEquals(1, p.problems().size(), p.problems().toString());
        assertTrue(p.problems().getFirst().contains("BCM 27"));
        at(0, 17, HIGH);
        at(100, 17, LOW);
        assertEquals(List.of("A"), presses);
    }

    @Test
    void wiringMistakesAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ButtonConfig(List.of(new ButtonConfig.ButtonPin("A", 17),
                new ButtonConfig.ButtonPin("B", 17)), ButtonConfig.Pull.UP, Duration.ofMillis(30), Duration.ofSeconds(1),
                OptionalInt.empty(), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ButtonConfig(List.of(new ButtonConfig.ButtonPin("A", 40)),
                ButtonConfig.Pull.UP, Duration.ofMillis(30), Duration.ofSeconds(1), OptionalInt.empty(), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ButtonConfig(List.of(new ButtonConfig.ButtonPin("A", 17)),
                ButtonConfig.Pull.UP, Duration.ofMillis(30), Duration.ofSeconds(1), OptionalInt.of(17), OptionalInt.empty()));
    }
}
