package vn.motcua.appliance.devices;

import java.util.List;

/**
 * Port: where the counter boards learn, at start, which keypad presses were already applied (the store keeps each
 * board's last one with the command it caused). Implemented by the store; the bus never sees a store type.
 */
@FunctionalInterface
public interface KeypadCursors {
    /** Each counter board's last keypad press applied by a committed command. */
    List<KeypadCursor> keypadCursors();
}
