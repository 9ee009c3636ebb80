package vn.motcua.appliance.store;

/** The store could not do what was asked; nothing was committed. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
