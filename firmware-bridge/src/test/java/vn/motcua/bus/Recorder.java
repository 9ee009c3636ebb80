package vn.motcua.bus;

import java.util.ArrayList;
import java.util.List;

/** A listener that remembers everything, for tests. */
public final class Recorder implements CounterBusListener {
    public record Press(int address, KeyEvent event) {}

    public record Status(int address, BoardStatus status) {}

    private final List<Press> presses = new ArrayList<>();
    private final List<Status> statuses = new ArrayList<>();

    @Override
    public synchronized void onKey(int address, KeyEvent event) {
        presses.add(new Press(address, event));
    }

    @Override
    public synchronized void onBoardStatus(int address, BoardStatus status) {
        statuses.add(new Status(address, status));
    }

    public synchronized List<Press> presses() {
        return List.copyOf(presses);
    }

    public synchronized List<KeyEvent> pressesOn(int address) {
        return presses.stream().filter(p -> p.address() == address).map(Press::event).toList();
    }

    public synchronized List<Status> statuses() {
        return List.copyOf(statuses);
    }

    public synchronized boolean sawReason(int address, String reasonStart) {
        return statuses.stream().anyMatch(s -> s.address() == address && s.status().reason().startsWith(reasonStart));
    }
}
