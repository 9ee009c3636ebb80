package vn.motcua.appliance.devices.counterbus;

import java.time.Clock;
import java.util.Optional;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.bus.CounterBus;
import vn.motcua.bus.CounterBuses;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * The counter boards as the config says ({@code [devices.counter_bus]}): the RS-485 bus over jSerialComm, Modbus
 * RTU number displays (no keypads: the clerks use the /counter page), the simulated boards of the demo (their
 * {@code /sim/counters/...} buttons are {@code web.sim}'s), or none.
 */
public final class CounterBusDevice implements Part {
    private final CounterBusSettings settings;
    private final QueueService queue;
    private final Shared shared;
    private SimulatedBus simulated;
    private CounterBoards boards;

    /** @param settings {@code [devices.counter_bus]} */
    public CounterBusDevice(CounterBusSettings settings, QueueService queue, Shared shared) {
        this.settings = settings;
        this.queue = queue;
        this.shared = shared;
    }

    @Override
    public String name() {
        return "counter bus";
    }

    /** Builds the bus and starts it: each board gets what its counter serves now. */
    @Override
    public void start() {
        Clock clock = shared.clock();
        simulated = settings.mode() == CounterBusSettings.Mode.SIMULATED
                ? CounterBuses.simulated(settings.bus(), clock) : null;
        CounterBus bus = switch (settings.mode()) {
            case OFF -> null;
            case RS485 -> CounterBuses.jSerialComm(settings.bus(), clock);
            case MODBUS -> CounterBuses.modbusDisplays(settings.modbus(), clock);
            case SIMULATED -> simulated.bus();
        };
        if (bus != null) {
            boards = new CounterBoards(bus, settings.counterByAddress(), queue, queue::keypadCursors, shared.scheduler(),
                    shared.deviceEvents());
            boards.start();
        }
    }

    /** The in-memory boards when the bus is simulated (demo, tests). */
    public Optional<SimulatedBus> simulated() {
        return Optional.ofNullable(simulated);
    }

    /** What the config says of the bus (the simulated keypads' web controls map counters to boards with it). */
    public CounterBusSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (boards != null) {
            boards.close();
        }
    }
}
