package vn.motcua.appliance.devices.buttons;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputBase;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProviderBase;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputBase;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pi4J 4.x publishes no mock plugin (3.x had pi4j-plugin-mock), so the tests plug this pair of
 * providers into a real Pi4J context: the narrowest seam, Pi4J's own provider interface. The adapter
 * under test runs unchanged; {@link #set(int, DigitalState)} fires a real DigitalStateChangeEvent.
 */
final class FakeGpio {
    final Map<Integer, Input> inputs = new ConcurrentHashMap<>();
    final Map<Integer, Output> outputs = new ConcurrentHashMap<>();
    final InputProvider inputProvider = new InputProvider();
    final OutputProvider outputProvider = new OutputProvider();
    /** Every state an output was set to, in order, as "BCM=STATE" (tests add their own markers between). */
    final List<String> timeline = new CopyOnWriteArrayList<>();

    void set(int bcm, DigitalState s) {
        inputs.get(bcm).fire(s);
    }

    final class Input extends DigitalInputBase {
        private volatile DigitalState state = DigitalState.UNKNOWN;

        Input(DigitalInputConfig config) {
            super(inputProvider, config);
        }

        void fire(DigitalState s) {
            if (s != state) {
                state = s;
                dispatch(new DigitalStateChangeEvent<DigitalInput>(this, s));
            }
        }

        @Override
        public DigitalState state() {
            return state;
        }
    }

    final class Output extends DigitalOutputBase {
        Output(DigitalOutputConfig config) {
            super(outputProvider, config);
        }

        @Override
        public DigitalOutput state(DigitalState s) throws com.pi4j.io.exception.IOException {
            timeline.add(config().bcm() + "=" + s);
            return super.state(s);
        }
    }

    final class InputProvider extends DigitalInputProviderBase {
        InputProvider() {
            super("fake-digital-input", "Fake digital input");
        }

        @Override
        public DigitalInput create(DigitalInputConfig config) {
            if (inputs.containsKey(config.bcm())) {
                throw new IllegalStateException("BCM " + config.bcm() + " busy");
            }
            Input in = new Input(config);
            inputs.put(config.bcm(), in);
            context.registry().add(in);
            return in;
        }
    }

    final class OutputProvider extends DigitalOutputProviderBase {
        OutputProvider() {
            super("fake-digital-output", "Fake digital output");
        }

        @Override
        public DigitalOutput create(DigitalOutputConfig config) {
            Output out = new Output(config);
            outputs.put(config.bcm(), out);
            context.registry().add(out);
            return out;
        }
    }
}
