package vn.motcua.appliance.web.sim;

import org.eclipse.jetty.server.Handler;

import vn.motcua.appliance.devices.counterbus.CounterBusDevice;
import vn.motcua.appliance.devices.resident.ResidentDevices;

/**
 * The simulated devices' web controls ({@code /sim/...}), in front of the rest of the web: the keypads of a simulated
 * counter bus, and the scan, button and paper controls of the simulated resident devices. Here, on the web side, so
 * the devices themselves know nothing of HTTP; nothing is added for a device that is real or off.
 */
public final class SimulatorControls {
    private SimulatorControls() {}

    public static Handler inFrontOf(CounterBusDevice counterBus, ResidentDevices devices, Handler front) {
        Handler h = front;
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
}
