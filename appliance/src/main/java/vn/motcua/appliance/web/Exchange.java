package vn.motcua.appliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import vn.motcua.appliance.json.JsonMappers;

/** One HTTP request and its response, with the bounded, validated reading every input gets. */
public final class Exchange {
    private static final ObjectMapper JSON = JsonMappers.network(); // request bodies come from browsers

    public final Request request;
    public final Response response;
    public final Callback callback;
    public final String method;
    public final String path;
    private final int maxBody;

    public Exchange(Request request, Response response, Callback callback, int maxBody) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.method = request.getMethod();
        this.path = Request.getPathInContext(request);
        this.maxBody = maxBody;
    }

    /**
     * A request from this machine's own screens: a loopback source on the local listener. Never on the LAN listener,
     * whatever the source address: what reaches it is treated as another host's, so a clerk's session and CSRF token
     * are asked for there even when a test (or a proxy on the Pi) connects from 127.x.
     */
    public boolean fromLoopback() {
        if (WebServer.LAN_CONNECTOR.equals(request.getConnectionMetaData().getConnector().getName())) {
            return false;
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress isa) {
            InetAddress a = isa.getAddress();
            return a != null && a.isLoopbackAddress();
        }
        return false;
    }

    /**
     * A refused body is still read, up to this much, before the 413 goes out: the connection then
     * closes cleanly and the client reads the answer. Closing a socket with unread bytes makes the
     * kernel send a reset, and the client sees only "connection reset" (seen in CI). Beyond this
     * the sender is not a kiosk or a clerk's browser, and a reset is what it gets.
     */
    static final long DRAIN_LIMIT = 1 << 20;

    /** The JSON body, or an empty object node when there is none. Bounded by the configured size. */
    public JsonNode body() {
        long declared = request.getLength();
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > maxBody) {
                throw tooLarge(in);
            }
            bytes = in.readNBytes(maxBody + 1);
            if (bytes.length > maxBody) {
                throw tooLarge(in);
            }
        } catch (IOException e) {
            throw ErrorCatalogue.BAD_BODY.error();
        }
        if (bytes.length == 0) {
            return NullNode.getInstance();
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ErrorCatalogue.NOT_JSON.error();
        }
        try {
            JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw ErrorCatalogue.BAD_JSON.errorWithDetail("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ErrorCatalogue.BAD_JSON.errorWithDetail("the body is not valid JSON");
        }
    }

    /**
     * Not drained: a client that waits for "100 Continue" before sending (reading the body would invite the
     * upload), and a body declared bigger than the drain limit (it gets the reset anyway).
     */
    private HttpError tooLarge(InputStream in) {
        long declared = request.getLength();
        boolean drain = !request.getHeaders().contains(HttpHeader.EXPECT) && declared <= (long) maxBody + DRAIN_LIMIT;
        if (drain) {
            byte[] sink = new byte[8192];
            long left = DRAIN_LIMIT;
            try {
                for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
                    left -= n;
                }
            } catch (IOException e) {
                // the client went away mid-body: the answer is still 413
            }
        }
        return ErrorCatalogue.BODY_TOO_LARGE.errorWithDetail("request body over " + maxBody + " bytes",
                ErrorCatalogue.size(maxBody));
    }

    public void json(int status, Object body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            status = 500;
            text = ErrorCatalogue.lastResortJson();
        }
        send(status, "application/json; charset=utf-8", text);
    }

    public void send(int status, String contentType, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        Content.Sink.write(response, true, text, callback);
    }
}
