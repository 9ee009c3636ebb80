package vn.motcua.appliance.devices.counterbus;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.devices.DeviceEvents;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.bus.CounterBus;
import vn.motcua.bus.CounterBuses;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * The counter boards as the config says ({@code [devices.counter_bus]}): the RS-485 bus over jSerialComm, Modbus
 * RTU number displays (no keypads: the clerks use the /counter page), the simulated boards of the demo (their
 * {@code /sim/counters/...} buttons are {@code web.sim}'s), or none.
 */
public final class CounterBusDevice implements AutoCloseable {
    private final CounterBusSettings settings;
    private final SimulatedBus simulated;
    private final CounterBoards boards;

    private CounterBusDevice(CounterBusSettings settings, SimulatedBus simulated, CounterBoards boards) {
        this.settings = settings;
        this.simulated = simulated;
        this.boards = boards;
    }

    /** Builds the bus and starts it: each board gets what its counter serves now. */
    public static CounterBusDevice start(ApplianceConfig config, QueueService queue, ScheduledExecutorService scheduler,
                                         DeviceEvents events, Clock clock) throws ConfigException {
        CounterBusSettings settings = config.devices().counterBus();
        SimulatedBus simulated = settings.mode() == CounterBusSettings.Mode.SIMULATED
                ? CounterBuses.simulated(settings.bus(), clock) : null;
        CounterBus bus = switch (settings.mode()) {
            case OFF -> null;
            case RS485 -> CounterBuses.jSerialComm(settings.bus(), clock);
            case MODBUS -> CounterBuses.modbusDisplays(settings.modbus(), clock);
            case SIMULATED -> simulated.bus();
        };
        CounterBoards boards = null;
        if (bus != null) {
            boards = new CounterBoards(bus, settings.counterByAddress(), queue, queue::keypadCursors, scheduler, events);
            boards.start();
        }
        return new CounterBusDevice(settings, simulated, boards);
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
