package vn.motcua.appliance.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.motcua.appliance.store.EventJson;

/**
 * What Jetty answers itself (a malformed or ambiguous address, a head too large, a request line it cannot read,
 * a handler that threw): the project's JSON under {@code /api}, a short bilingual page elsewhere, never Jetty's
 * page with its name and version (issue 15), nor the request's text echoed back.
 */
public final class ErrorAnswers extends ErrorHandler {
    /** The API's body limit, for the 413's text. */
    private final int maxBody;

    public ErrorAnswers(int maxBody) {
        this.maxBody = maxBody;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        boolean api = path(request).startsWith("/api/");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, api ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        Content.Sink.write(response, true, api ? json(code) : html(code), callback);
    }

    /** Answers to a request Jetty could not even read (no handler runs): the page, as bytes. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        return ByteBuffer.wrap(html(status).getBytes(StandardCharsets.UTF_8));
    }

    private static String path(Request request) {
        try {
            String p = request.getHttpURI().getPath();
            return p == null ? "" : p;
        } catch (RuntimeException e) {
            return ""; // an address that does not parse is no API call
        }
    }

    String json(int code) {
        try {
            return EventJson.mapper().writeValueAsString(ErrorCatalogue.forStatus(code, maxBody).body());
        } catch (JsonProcessingException e) {
            return ErrorCatalogue.lastResortJson();
        }
    }

    String html(int code) {
        HttpError w = ErrorCatalogue.forStatus(code, maxBody);
        return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lỗi " + code + " / Error " + code
                + "</title></head>\n<body><h1>" + w.messageVi + "</h1><p lang=\"en\">" + w.getMessage() + "</p><p>Lỗi / Error "
                + code + "</p></body></html>\n";
    }
}
