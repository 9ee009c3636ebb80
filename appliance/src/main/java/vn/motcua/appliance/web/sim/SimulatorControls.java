package vn.motcua.appliance.web.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.eclipse.jetty.server.Handler;

import vn.motcua.appliance.devices.counterbus.CounterBusDevice;
import vn.motcua.appliance.devices.resident.ResidentDevices;

/**
 * The simulated devices' web controls ({@code /sim/...}), in front of the rest of the web: the keypads of a simulated
 * counter bus, and the scan, button and paper controls of the simulated resident devices. Here, on the web side, so
 * the devices themselves know nothing of HTTP; nothing is added for a device that is real or off. With the demo's
 * clock, also {@code POST /sim/clock/advance?minutes=N}.
 */
public final class SimulatorControls {
    private SimulatorControls() {}

    /**
     * @param advanceClock moves the demo's clock forward ({@code /sim/clock/advance}), or null when the clock is the
     *                     system's (every appliance but the demo)
     */
    public static Handler inFrontOf(CounterBusDevice counterBus, ResidentDevices devices,
                                    Function<Duration, Instant> advanceClock, Handler front) {
        Handler h = front;
        if (advanceClock != null) {
            h = new Handler.Sequence(new SimulatedClockHandler(advanceClock), h);
        }
        SimulatedDevicesHandler sim = SimulatedDevicesHandler.of(devices);
        if (sim != null) {
            h = new Handler.Sequence(sim, h);
        }
        if (counterBus.simulated().isPresent()) {
            h = new Handler.Sequence(new SimulatedKeypadHandler(counterBus.simulated().get(),
                    counterBus.settings().counterByAddress()), h);
        }
        return h;
    }

    /**
     * The simulated devices' controls for a satellite kiosk, which has devices but no queue ({@code satellite}): the
     * same paths as above for whichever of the three is simulated; null when none is.
     */
    public static Handler forDevices(ResidentDevices devices) {
        return SimulatedDevicesHandler.of(devices);
    }
}
