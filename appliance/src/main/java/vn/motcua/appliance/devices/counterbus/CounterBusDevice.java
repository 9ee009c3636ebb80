package vn.motcua.appliance.devices.counterbus;

import java.time.Clock;
import java.util.Optional;

import org.eclipse.jetty.server.Handler;

import vn.motcua.appliance.Part;
import vn.motcua.appliance.Shared;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.bus.CounterBus;
import vn.motcua.bus.CounterBuses;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * The counter boards as the config says ({@code [devices.counter_bus]}): the RS-485 bus over jSerialComm, Modbus
 * RTU number displays (no keypads: the clerks use the /counter page), the simulated boards of the demo (with their
 * {@code /sim/counters/...} buttons), or none.
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
            boards = new CounterBoards(bus, settings.counterByAddress(), queue, shared.scheduler(),
                    shared.deviceEvents(), shared.health());
            boards.start();
        }
    }

    /** The in-memory boards when the bus is simulated (demo, tests). */
    public Optional<SimulatedBus> simulated() {
        return Optional.ofNullable(simulated);
    }

    /** In front of the web handler: the demo's keypad buttons when the boards are simulated. */
    public Handler inFrontOf(Handler front) {
        return simulated == null ? front : new Handler.Sequence(new SimulatedKeypadHandler(simulated, settings), front);
    }

    @Override
    public void close() {
        if (boards != null) {
            boards.close();
        }
    }
}
