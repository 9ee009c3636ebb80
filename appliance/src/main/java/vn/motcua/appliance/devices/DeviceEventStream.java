package vn.motcua.appliance.devices;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stream of {@link DeviceEvent}s: each event goes to every subscriber in the order they subscribed (the
 * outbox first, so a status shown anywhere has its event stored already). A failing subscriber is logged and the
 * others still hear the event.
 */
public final class DeviceEventStream implements DeviceEvents {
    private static final Logger log = LoggerFactory.getLogger(DeviceEventStream.class);

    private final List<Consumer<DeviceEvent>> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<DeviceEvent> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void publish(DeviceEvent event) {
        for (Consumer<DeviceEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                log.error("device event subscriber failed on {}", event, e);
            }
        }
    }
}
