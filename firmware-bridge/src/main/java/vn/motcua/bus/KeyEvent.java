package vn.motcua.bus;

/**
 * One physical key press, delivered exactly once.
 *
 * @param key            which key
 * @param transferTarget for {@link Key#TRANSFER}: the counter number 1..99 typed on the keypad; else 0
 */
public record KeyEvent(Key key, int transferTarget) {

    public KeyEvent {
        if (key == Key.TRANSFER ? transferTarget < 1 || transferTarget > 99 : transferTarget != 0) {
            throw new IllegalArgumentException("transfer target must be 1..99 for TRANSFER and 0 otherwise: "
                    + key + " " + transferTarget);
        }
    }

    public static KeyEvent of(Key key) {
        return new KeyEvent(key, 0);
    }

    public static KeyEvent transfer(int targetCounter) {
        return new KeyEvent(Key.TRANSFER, targetCounter);
    }
}
