package vn.motcua.appliance.web;

import java.io.IOException;
import java.util.Map;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.store.StoreAttention;

/**
 * {@code POST /api/store/acknowledge}: a technician on this machine (over SSH, with curl) says they have seen
 * what the store lost or kept aside, and {@code /healthz} turns green again. Only from this machine: nobody on
 * the LAN may hide a store fault.
 */
public final class StoreAcknowledgeHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(StoreAcknowledgeHandler.class);
    public static final String PATH = "/api/store/acknowledge";
    private final StoreAttention attention;

    public StoreAcknowledgeHandler(StoreAttention attention) {
        this.attention = attention;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 1024);
        if (!x.method.equals("POST")) {
            ErrorCatalogue.METHOD.errorWithDetail("use POST").send(x);
        } else if (!x.fromLoopback()) {
            ErrorCatalogue.LOOPBACK_ONLY.errorWithDetail("only a technician on this machine may acknowledge").send(x);
        } else {
            try {
                var pending = attention.pending();
                boolean done = attention.acknowledge();
                pending.ifPresent(s -> log.warn("Store problem acknowledged by a technician: {}", s));
                x.json(200, Map.of("acknowledged", done));
            } catch (IOException e) {
                ErrorCatalogue.ACK_FAILED.errorWithDetail(e.getMessage()).send(x);
            }
        }
        return true;
    }
}
