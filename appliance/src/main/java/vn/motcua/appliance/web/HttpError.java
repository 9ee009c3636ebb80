package vn.motcua.appliance.web;

import java.util.Map;

/**
 * A request the API refuses, with the HTTP status and the texts a page shows. Made only by {@link ErrorCatalogue},
 * so every refusal has Vietnamese a resident can read.
 */
public final class HttpError extends RuntimeException {
    public final int status;
    public final String code;
    /** The message in Vietnamese; the English one is {@link #getMessage()}. */
    public final String messageVi;
    /** A technical detail for developers (English), or null. */
    public final String detail;

    HttpError(int status, String code, String vi, String en, String detail) {
        super(en, null, false, false);
        this.status = status;
        this.code = code;
        this.messageVi = vi;
        this.detail = detail;
    }

    /** The JSON answer: {@code error}, {@code message_vi}, {@code message_en}, and {@code detail} when there is one. */
    public Map<String, Object> body() {
        return ErrorCatalogue.body(code, messageVi, getMessage(), detail);
    }

    /** Answers this refusal on {@code x}. */
    public void send(Exchange x) {
        x.json(status, body());
    }
}
