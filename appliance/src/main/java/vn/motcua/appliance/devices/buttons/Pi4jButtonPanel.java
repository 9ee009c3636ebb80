package vn.motcua.appliance.devices.buttons;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.appliance.devices.DeviceStatus;

/**
 * Service buttons on the Pi's GPIO through Pi4J 4 (on a Pi: {@link #onGpiod}, the libgpiod provider;
 * in tests: any context with digital input/output providers). Each button is a Pi4J digital input with the configured pull and
 * Pi4J's own debounce; {@link PressDebouncer} then makes one press of one ticket. A pin that cannot
 * be claimed is listed in {@link #status()} and the other buttons still work.
 */
public final class Pi4jButtonPanel implements ButtonPanel {
    private static final Logger log = LoggerFactory.getLogger(Pi4jButtonPanel.class);
    private static final long BEEP_MS = 80;
    /** A refusal: three of these on, three off; long enough to tell from the single short beep of a press. */
    static final long SIGNAL_MS = 150;
    static final int SIGNAL_TIMES = 3;

    private final Context pi4j;
    private final ButtonConfig config;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final PressDebouncer debouncer;
    private final List<ServiceButtonListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final java.time.Instant since = java.time.Instant.now(); // the panel's status is known from its start
    private final Map<String, DigitalInput> inputs = new ConcurrentHashMap<>();
    private final Map<DigitalInput, DigitalStateChangeListener> edgeListeners = new ConcurrentHashMap<>();
    private volatile boolean ownsContext;
    private volatile DigitalOutput led;
    private volatile DigitalOutput buzzer;
    private volatile boolean busy;

    /** @param nanoTime monotonic clock (System::nanoTime) */
    public Pi4jButtonPanel(Context pi4j, ButtonConfig config, ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.pi4j = pi4j;
        this.config = config;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.debouncer = new PressDebouncer(config.debounce().toNanos(), config.repeatGuard().toNanos());
    }

    /**
     * The panel of a real Pi: a Pi4J context of its own with only the libgpiod providers ({@link GpiodContext}),
     * shut down with the panel. What stops the GPIO from working (no chip, no access, the native library) is
     * reported by {@link #status()}, never thrown: the rest of the appliance runs on.
     *
     * @param gpioChip a chip name such as {@code gpiochip4}, or empty for the provider's choice
     */
    public static Pi4jButtonPanel onGpiod(ButtonConfig config, String gpioChip, ScheduledExecutorService scheduler) {
        List<String> preflight = GpioChips.problems(java.nio.file.Path.of("/dev"), gpioChip);
        Context ctx = null;
        if (preflight.isEmpty()) {
            try {
                ctx = GpiodContext.create(gpioChip);
            } catch (RuntimeException | LinkageError e) {
                preflight = List.of("GPIO: Pi4J gpiod context: " + e);
            }
        }
        Pi4jButtonPanel p = new Pi4jButtonPanel(ctx, config, scheduler, System::nanoTime);
        p.ownsContext = ctx != null;
        for (String problem : preflight) {
            p.problems.add(problem);
            log.warn("service buttons unavailable: {}", problem);
        }
        return p;
    }

    @Override
    public void start() {
        if (pi4j == null) {
            return; // no GPIO: the reason is already in the status
        }
        DigitalState active = config.pull() == ButtonConfig.Pull.UP ? DigitalState.LOW : DigitalState.HIGH;
        for (ButtonConfig.ButtonPin b : config.buttons()) {
            try {
                DigitalInput in = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                        .id("motcua-button-" + b.serviceCode()).name("service button " + b.serviceCode())
                        .bcm(b.bcm())
                        .pull(config.pull() == ButtonConfig.Pull.UP ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                        .debounce(config.debounce().toNanos() / 1000, TimeUnit.MICROSECONDS)
                        .build());
                DigitalStateChangeListener l = e -> edge(b, e.state() == active);
                in.addListener(l);
                edgeListeners.put(in, l);
                inputs.put(b.serviceCode(), in);
            } catch (RuntimeException | LinkageError e) { // LinkageError: the native libgpiod did not load
                problems.add("button " + b.serviceCode() + " on BCM " + b.bcm() + ": " + e.getMessage());
                log.warn("service button {} on BCM {} unavailable: {}", b.serviceCode(), b.bcm(), e.getMessage());
            }
        }
        config.busyLed().ifPresent(p -> led = output("motcua-busy-led", p));
        config.buzzer().ifPresent(p -> buzzer = output("motcua-buzzer", p));
    }

    private DigitalOutput output(String id, int bcm) {
        try {
            return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).bcm(bcm)
                    .initial(DigitalState.LOW).shutdown(DigitalState.LOW).build());
        } catch (RuntimeException | LinkageError e) {
            problems.add(id + " on BCM " + bcm + ": " + e.getMessage());
            log.warn("{} on BCM {} unavailable: {}", id, bcm, e.getMessage());
            return null;
        }
    }

    private void edge(ButtonConfig.ButtonPin b, boolean pressed) {
        long now = nanoTime.getAsLong();
        if (!debouncer.edge(b.bcm(), pressed, now)) {
            return;
        }
        log.debug("service button {} pressed", b.serviceCode());
        beep();
        for (ServiceButtonListener l : listeners) {
            try {
                l.pressed(b.serviceCode(), now);
            } catch (RuntimeException e) {
                log.error("button listener failed", e);
            }
        }
    }

    private void beep() {
        DigitalOutput bz = buzzer;
        if (bz != null) {
            bz.high();
            scheduler.schedule(() -> { bz.low(); }, BEEP_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Override public void addPressListener(ServiceButtonListener l) { listeners.add(l); }

    @Override
    public void setBusy(boolean busy) {
        this.busy = busy;
        DigitalOutput l = led;
        if (l != null) {
            l.state(busy ? DigitalState.HIGH : DigitalState.LOW);
        }
    }

    /**
     * Three beeps, or with no buzzer three blinks of the busy LED against its current state (dark if idle, so
     * on-off-on; lit if another ticket prints, so off-on-off), after which the LED shows {@link #busy} again.
     */
    @Override
    public void signalRefused() {
        DigitalOutput bz = buzzer;
        DigitalOutput l = led;
        if (bz == null && l == null) {
            return;
        }
        for (int step = 0; step < 2 * SIGNAL_TIMES; step++) {
            boolean flip = step % 2 == 0;
            scheduler.schedule(() -> {
                try {
                    if (bz != null) {
                        bz.state(flip ? DigitalState.HIGH : DigitalState.LOW);
                    } else {
                        l.state(flip != busy ? DigitalState.HIGH : DigitalState.LOW);
                    }
                } catch (RuntimeException e) { // the panel closed meanwhile
                    log.debug("refusal signal: {}", e.toString());
                }
            }, (step + 1) * SIGNAL_MS, TimeUnit.MILLISECONDS); // a pause first: the press's own beep has ended
        }
    }

    @Override
    public DeviceStatus status() {
        List<String> p = problems();
        return p.isEmpty() ? DeviceStatus.ok(DEVICE, "ok", since)
                : DeviceStatus.fault(DEVICE, DeviceStatus.Reason.PIN_UNAVAILABLE, String.join("; ", p), since);
    }

    /** Each pin that could not be set up, or why GPIO cannot be used; empty when all is well. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void release(String id) {
        try {
            pi4j.shutdown(id);
        } catch (RuntimeException e) {
            log.debug("releasing {}: {}", id, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (pi4j == null) {
            return;
        }
        setBusy(false);
        edgeListeners.forEach((in, l) -> in.removeListener(l));
        edgeListeners.clear();
        // give the pins back to the shared Pi4J context (Main owns it and shuts it down)
        for (DigitalInput in : inputs.values()) {
            release(in.id());
        }
        inputs.clear();
        if (led != null) release(led.id());
        if (buzzer != null) release(buzzer.id());
        if (ownsContext) {
            try {
                pi4j.shutdown();
            } catch (RuntimeException e) {
                log.debug("Pi4J shutdown: {}", e.toString());
            }
        }
    }
}
