package vn.motcua.appliance.web;

/** A request the API refuses, with the HTTP status and a message a page can show. */
public final class HttpError extends RuntimeException {
    public final int status;
    public final String code;
    /** The message in Vietnamese; the English one is {@link #getMessage()}. Technical refusals have only English. */
    public final String messageVi;

    public HttpError(int status, String code, String message) {
        this(status, code, message, message);
    }

    /** A refusal a clerk or resident reads: Vietnamese first, English beside it. */
    public HttpError(int status, String code, String vi, String en) {
        super(en, null, false, false);
        this.status = status;
        this.code = code;
        this.messageVi = vi;
    }
}
