package vn.motcua.appliance.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The announcement line of the hall display, as the district set it last (texts in both languages, and until
 * when). Empty texts clear it. Screens subscribe to changes.
 */
public final class HallMessages {
    /** The line now; {@code until} null means until replaced. */
    public record Message(String textVi, String textEn, Instant until) {}

    private final Clock clock;
    private final List<Consumer<Optional<Message>>> listeners = new CopyOnWriteArrayList<>();
    private volatile Message current;

    public HallMessages(Clock clock) {
        this.clock = clock;
    }

    public void set(String textVi, String textEn, Instant until) {
        boolean empty = (textVi == null || textVi.isBlank()) && (textEn == null || textEn.isBlank());
        current = empty ? null : new Message(textVi == null ? "" : textVi, textEn == null ? "" : textEn, until);
        Optional<Message> now = current();
        listeners.forEach(l -> l.accept(now));
    }

    public Optional<Message> current() {
        Message m = current;
        if (m != null && m.until() != null && !clock.instant().isBefore(m.until())) {
            return Optional.empty();
        }
        return Optional.ofNullable(m);
    }

    public void addListener(Consumer<Optional<Message>> listener) {
        listeners.add(listener);
    }
}
