package vn.motcua.appliance.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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
    private record Words(String code, String vi, String en) {}

    private static final Map<Integer, Words> WORDS = Map.of(
            400, new Words("BAD_REQUEST", "Yêu cầu không hợp lệ", "Bad request"),
            404, new Words("NOT_FOUND", "Không tìm thấy", "Not found"),
            405, new Words("METHOD", "Phương thức không được hỗ trợ", "Method not allowed"),
            408, new Words("TOO_SLOW", "Yêu cầu gửi quá chậm", "Request too slow"),
            413, new Words("BODY_TOO_LARGE", "Nội dung gửi quá lớn", "Request too large"),
            414, new Words("URI_TOO_LONG", "Địa chỉ quá dài", "Address too long"),
            431, new Words("HEADERS_TOO_LARGE", "Phần đầu yêu cầu quá lớn", "Request headers too large"),
            500, new Words("INTERNAL", "Lỗi hệ thống", "Internal error"),
            503, new Words("UNAVAILABLE", "Hệ thống tạm thời không phục vụ được", "Service unavailable"));

    public ErrorAnswers() {
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

    private static Words words(int code) {
        return WORDS.getOrDefault(code, code < 500
                ? new Words("HTTP_" + code, "Yêu cầu không được chấp nhận", "Request refused")
                : new Words("HTTP_" + code, "Lỗi hệ thống", "Server error"));
    }

    static String json(int code) {
        Words w = words(code);
        try {
            return EventJson.mapper().writeValueAsString(Map.of("error", w.code(), "message_vi", w.vi(), "message_en", w.en()));
        } catch (JsonProcessingException e) {
            return "{\"error\":\"" + w.code() + "\"}";
        }
    }

    static String html(int code) {
        Words w = words(code);
        return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lỗi " + code + " / Error " + code
                + "</title></head>\n<body><h1>" + w.vi() + "</h1><p lang=\"en\">" + w.en() + "</p><p>Lỗi / Error " + code
                + "</p></body></html>\n";
    }
}
