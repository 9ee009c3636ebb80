package vn.motcua.appliance.web;

import org.eclipse.jetty.server.Request;

/** Decides whether a request from another machine may act on a counter (a logged-in clerk of that counter). */
@FunctionalInterface
public interface CounterGate {
    CounterGate NOBODY = (request, counter) -> false;

    boolean allows(Request request, int counter);
}
