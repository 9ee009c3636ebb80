package vn.motcua.appliance.uplink;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.retry.Backoff;

/**
 * Keeps the broker connection up: connects, notices loss, and retries after {@link Backoff}
 * delays on the appliance scheduler. A dropped link is expected in a ward office, so it is logged
 * at info and shown as status, not thrown. All state changes run on the scheduler.
 */
final class LinkSupervisor {
    private static final Logger log = LoggerFactory.getLogger(LinkSupervisor.class);

    enum State { STOPPED, CONNECTING, CONNECTED, WAITING }

    interface Listener {
        void up();

        void down(String reason);
    }

    private final PahoLink link;
    private final MqttConnectionOptions options;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final Listener listener;
    private State state = State.STOPPED;
    private String lastError;
    private ScheduledFuture<?> retry;

    LinkSupervisor(PahoLink link, MqttConnectionOptions options, ScheduledExecutorService scheduler,
                   Backoff backoff, Listener listener) {
        this.link = link;
        this.options = options;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.listener = listener;
    }

    synchronized void start() {
        if (state == State.STOPPED) {
            attempt();
        }
    }

    synchronized State state() { return state; }

    synchronized String lastError() { return lastError; }

    /** From Paho's thread: an established connection dropped. */
    void lost(String reason) {
        Handoff.toScheduler(scheduler, "connection lost", () -> down("connection lost: " + reason));
    }

    /** A publish failed inside a session: drop the session and start over after a backoff. */
    void forceReconnect(String reason) {
        scheduler.execute(() -> {
            synchronized (this) {
                if (state != State.CONNECTED) {
                    return;
                }
            }
            try {
                link.client().disconnectForcibly(0, 500, false);
            } catch (MqttException e) {
                log.debug("forced disconnect: {}", e.toString());
            }
            down(reason);
        });
    }

    synchronized void stop() {
        state = State.STOPPED;
        if (retry != null) {
            retry.cancel(false);
        }
    }

    private synchronized void attempt() {
        state = State.CONNECTING;
        try {
            link.client().connect(options, null, new MqttActionListener() {
                @Override public void onSuccess(IMqttToken token) {
                    link.connectAccepted(token); // before the pump asks it for the broker's receive maximum
                    Handoff.toScheduler(scheduler, "connected", LinkSupervisor.this::connected);
                }

                @Override public void onFailure(IMqttToken token, Throwable e) {
                    Handoff.toScheduler(scheduler, "connect failed", () -> failed(e == null ? "connect failed" : e.toString()));
                }
            });
        } catch (MqttException e) {
            failed(e.toString());
        }
    }

    private void connected() {
        synchronized (this) {
            if (state != State.CONNECTING) {
                return;
            }
            state = State.CONNECTED;
            lastError = null;
            backoff.reset();
        }
        log.info("uplink connected to the district broker");
        listener.up();
    }

    private synchronized void failed(String reason) {
        if (state != State.CONNECTING) {
            return;
        }
        lastError = Sanitize.forLog(reason, 200);
        scheduleRetry();
    }

    private void down(String reason) {
        synchronized (this) {
            if (state != State.CONNECTED) {
                return;
            }
            lastError = Sanitize.forLog(reason, 200);
            scheduleRetry();
        }
        log.info("uplink down: {}", lastError);
        listener.down(lastError);
    }

    private void scheduleRetry() {
        state = State.WAITING;
        long delay = backoff.next().toMillis();
        log.debug("uplink reconnect attempt {} in {} ms ({})", backoff.attempts(), delay, lastError);
        retry = scheduler.schedule(() -> {
            synchronized (this) {
                if (state == State.WAITING) {
                    attempt();
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }
}
