package vn.motcua.bus.master;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.bus.BoardEventId;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.CounterBusListener;
import vn.motcua.bus.KeyEvent;

/** The bus's listeners; a failing listener is logged and never stops the bus or the others. */
final class ListenerSet {
    private static final Logger log = LoggerFactory.getLogger(ListenerSet.class);
    private final List<CounterBusListener> listeners = new CopyOnWriteArrayList<>();

    void add(CounterBusListener l) {
        listeners.add(l);
    }

    void key(int address, KeyEvent event, BoardEventId id) {
        for (CounterBusListener l : listeners) {
            try {
                l.onKey(address, event, id);
            } catch (RuntimeException e) {
                log.error("counter bus listener failed on a key from board {}", address, e);
            }
        }
    }

    void status(int address, BoardStatus status) {
        for (CounterBusListener l : listeners) {
            try {
                l.onBoardStatus(address, status);
            } catch (RuntimeException e) {
                log.error("counter bus listener failed on a status of board {}", address, e);
            }
        }
    }
}
