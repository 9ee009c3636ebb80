package vn.motcua.appliance.web;

/** A request the API refuses, with the HTTP status and a message a page can show. */
final class HttpError extends RuntimeException {
    final int status;
    final String code;

    HttpError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }
}
