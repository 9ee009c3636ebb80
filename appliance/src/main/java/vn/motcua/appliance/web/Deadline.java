package vn.motcua.appliance.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * An asynchronous answer that a request waits for at most so long. Unlike {@link CompletableFuture#orTimeout} (which
 * starts the JDK's own delay thread the first time it is used), the timer runs on the scheduler Jetty already has,
 * and is cancelled as soon as the answer comes.
 */
public final class Deadline {
    private Deadline() {
    }

    /**
     * A copy of {@code answer} that fails with {@link TimeoutException} after {@code seconds}; {@code answer} itself
     * is left alone (other waiters may share it).
     */
    public static <T> CompletableFuture<T> within(Request request, CompletableFuture<T> answer, long seconds) {
        CompletableFuture<T> bounded = answer.copy();
        Scheduler.Task timer = request.getComponents().getScheduler().schedule(
                () -> bounded.completeExceptionally(new TimeoutException("no answer in " + seconds + " s")),
                seconds, TimeUnit.SECONDS);
        bounded.whenComplete((v, e) -> timer.cancel());
        return bounded;
    }
}
