package vn.motcua.bus.sim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.master.BusMaster;

/**
 * A complete counter bus without hardware: the real {@link BusMaster} over an
 * {@link InMemoryTransport} to one {@link SimulatedBoard} per configured address. For the demo
 * and for machines with only a JDK.
 *
 * @param bus    the bus, to hand to the appliance as its {@code CounterBus}
 * @param boards the simulated boards by address, to press keys and read displays
 * @param wire   the wire, to unplug and plug in
 */
public record SimulatedBus(BusMaster bus, Map<Integer, SimulatedBoard> boards, InMemoryTransport wire) {

    public static SimulatedBus create(BusConfig config, Clock clock) {
        Map<Integer, SimulatedBoard> boards = new LinkedHashMap<>();
        int epochBase = (int) (System.nanoTime() & 0x7FFF);
        for (int a : config.addresses()) {
            boards.put(a, new SimulatedBoard(a, epochBase + a * 977));
        }
        List<SimulatedBoard> list = new ArrayList<>(boards.values());
        InMemoryTransport wire = new InMemoryTransport(list, config.baud());
        return new SimulatedBus(new BusMaster(config, wire, clock), Map.copyOf(boards), wire);
    }

    public SimulatedBoard board(int address) {
        SimulatedBoard b = boards.get(address);
        if (b == null) {
            throw new IllegalArgumentException("no simulated board at address " + address);
        }
        return b;
    }
}
