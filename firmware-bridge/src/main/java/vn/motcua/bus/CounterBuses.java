package vn.motcua.bus;

import java.time.Clock;
import vn.motcua.bus.master.BusMaster;
import vn.motcua.bus.modbus.ModbusDisplayBus;
import vn.motcua.bus.modbus.ModbusDisplayConfig;
import vn.motcua.bus.sim.SimulatedBus;
import vn.motcua.bus.transport.JSerialCommTransport;

/** Where the appliance gets its {@link CounterBus}: the real one or the simulated one. */
public final class CounterBuses {
    private CounterBuses() {}

    /** The RS-485 bus on a serial port (USB adapter or UART), via jSerialComm. */
    public static BusMaster jSerialComm(BusConfig config, Clock clock) {
        return new BusMaster(config, new JSerialCommTransport(config), clock);
    }

    /** Off-the-shelf Modbus RTU LED number displays (numbers only, no keypad). */
    public static ModbusDisplayBus modbusDisplays(ModbusDisplayConfig config, Clock clock) {
        return new ModbusDisplayBus(config, new JSerialCommTransport(config.portName(), config.baud(),
                config.evenParity(), BusConfig.Direction.AUTO), clock);
    }

    /** Simulated boards in memory, same protocol bytes: for the demo and JDK-only machines. */
    public static SimulatedBus simulated(BusConfig config, Clock clock) {
        return SimulatedBus.create(config, clock);
    }
}
