package vn.motcua.appliance.web;

/** A request the API refuses, with the HTTP status and a message a page can show. */
public final class HttpError extends RuntimeException {
    public final int status;
    public final String code;

    public HttpError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }
}
