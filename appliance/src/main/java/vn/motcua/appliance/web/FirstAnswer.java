package vn.motcua.appliance.web;

import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Completes {@link #answered()} when the server has answered its first request (any status, either listener): the
 * appliance's warm-ups wait for it, so they do not take the CPU from the first resident's screen (issue 20:
 * start-up; on a Pi that first page is the hall display's). After that it only passes requests on.
 */
final class FirstAnswer extends Handler.Wrapper {
    private final CompletableFuture<Void> answered = new CompletableFuture<>();

    FirstAnswer(Handler next) {
        super(next);
    }

    CompletableFuture<Void> answered() {
        return answered;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!answered.isDone()) {
            Request.addCompletionListener(request, failure -> answered.complete(null));
        }
        return super.handle(request, response, callback);
    }
}
