package vn.motcua.appliance.web;

import java.util.Optional;

import org.eclipse.jetty.server.Request;

/** Decides whether a request from another machine may act on a counter (a logged-in clerk of that counter). */
@FunctionalInterface
public interface CounterGate {
    CounterGate NOBODY = (request, counter) -> false;

    boolean allows(Request request, int counter);

    /**
     * The staff name of the logged-in session this request acts with (live session and its CSRF token), if any:
     * a counter action then records this name, never one from the body.
     */
    default Optional<String> actor(Request request) {
        return Optional.empty();
    }
}
