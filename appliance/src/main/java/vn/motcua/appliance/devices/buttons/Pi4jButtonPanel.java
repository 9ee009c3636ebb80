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

/**
 * Service buttons on the Pi's GPIO through Pi4J 4 (the Pi4J context, with the GPIO provider plugin
 * for the board, is made by Main). Each button is a Pi4J digital input with the configured pull and
 * Pi4J's own debounce; {@link PressDebouncer} then makes one press of one ticket. A pin that cannot
 * be claimed is listed in {@link #problems()} and the other buttons still work.
 */
public final class Pi4jButtonPanel implements ButtonPanel {
    private static final Logger log = LoggerFactory.getLogger(Pi4jButtonPanel.class);
    private static final long BEEP_MS = 80;

    private final Context pi4j;
    private final ButtonConfig config;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final PressDebouncer debouncer;
    private final List<ServiceButtonListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Map<String, DigitalInput> inputs = new ConcurrentHashMap<>();
    private final Map<DigitalInput, DigitalStateChangeListener> edgeListeners = new ConcurrentHashMap<>();
    private volatile boolean ownsContext;
    private volatile DigitalOutput led;
    private volatile DigitalOutput buzzer;

    /** @param nanoTime monotonic clock (System::nanoTime) */
    public Pi4jButtonPanel(Context pi4j, ButtonConfig config, ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.pi4j = pi4j;
        this.config = config;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.debouncer = new PressDebouncer(config.debounce().toNanos(), config.repeatGuard().toNanos());
    }

    /** A panel on a Pi4J context of its own (auto-detected plugins), shut down with the panel. */
    public static Pi4jButtonPanel withOwnContext(ButtonConfig config, ScheduledExecutorService scheduler) {
        Pi4jButtonPanel p = new Pi4jButtonPanel(com.pi4j.Pi4J.newAutoContext(), config, scheduler, System::nanoTime);
        p.ownsContext = true;
        return p;
    }

    @Override
    public void start() {
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
            } catch (RuntimeException e) {
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
        } catch (RuntimeException e) {
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
        DigitalOutput l = led;
        if (l != null) {
            l.state(busy ? DigitalState.HIGH : DigitalState.LOW);
        }
    }

    @Override public List<String> problems() { return List.copyOf(problems); }

    private void release(String id) {
        try {
            pi4j.shutdown(id);
        } catch (RuntimeException e) {
            log.debug("releasing {}: {}", id, e.getMessage());
        }
    }

    @Override
    public void close() {
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
            pi4j.shutdown();
        }
    }
}
