package vn.motcua.appliance.web.voice;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the missing voice clips once, on its own (virtual) thread: espeak-ng takes seconds for the call's hundred word
 * clips and the kiosk guidance's sentences after them (more on a Pi), and on the appliance's one scheduler that would hold up the uplink pump and the watchdog pings. The
 * scheduler only says when to begin. Until a clip is made the call is shown but not spoken: {@link VoiceHandler}
 * answers 503, which the hall display takes as "no voice" (clips appear whole, moved into place when written).
 * {@link #close} stops a generation under way, espeak-ng included.
 */
public final class ClipMaker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClipMaker.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final VoiceClips clips;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("voice-clips").factory());
    private volatile String state = "not generated yet";
    private ScheduledFuture<?> timer;

    public ClipMaker(VoiceClips clips) {
        this.clips = clips;
    }

    /** Begins after {@code delay}: the scheduler hands the work over, it does none of it. */
    public synchronized void startAfter(ScheduledExecutorService scheduler, Duration delay) {
        timer = scheduler.schedule(this::handOver, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handOver() {
        try {
            worker.execute(this::make);
        } catch (RejectedExecutionException e) {
            log.debug("Voice clips not made: closing");
        }
    }

    private void make() {
        state = "generating";
        try {
            int missing = clips.generateMissing();
            state = missing == 0 ? "ready" : missing + " clips could not be generated (espeak-ng missing?)";
        } catch (IOException e) {
            state = "cannot write voice clips: " + e.getMessage();
            log.warn("Voice clips: {}", state);
        } catch (InterruptedException e) {
            state = "generation stopped";
            Thread.currentThread().interrupt();
        }
    }

    /** For /healthz: not generated yet, generating, ready, or what went wrong. */
    public String state() {
        return state;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (timer != null) {
            timer.cancel(false);
        }
        worker.shutdownNow(); // interrupts the generation, which stops espeak-ng and removes its part-written clip
        if (!worker.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Voice clip generation still running after {} s", CLOSE_WAIT.toSeconds());
        }
    }
}
