package vn.motcua.appliance.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The citizen ID card just read at the kiosk, so the resident's next ticket there carries their resident key
 * (the reader's keyed hash; never the ID number). One reader per appliance, so one card at a time: a second
 * card replaces the first. The kiosk gets an opaque one-time token with the scan and sends it back with its
 * ticket request; the key goes only to that request, only within {@link #WINDOW}, and only once. A kiosk that
 * returns to its start screen drops the token, and an unused card is forgotten when the window ends.
 *
 * <p>An office without a touch kiosk has the reader beside its hardware service buttons: a button pressed
 * within {@link #BUTTON_WINDOW} of the scan takes the card ({@link #forButton()}), with the card's priority.
 * The shorter window is because no screen shows that a card is waiting: a card read at a kiosk and left
 * unused must not link a stranger's button ticket a minute later.
 *
 * <p>The token is random, not derived from the key: it is broadcast on the screens' live feed, which any page
 * in the hall can read, so it must say nothing about the resident.
 */
public final class ResidentCards {
    /** How long after the scan the resident may take the ticket it applies to. */
    public static final Duration WINDOW = Duration.ofMinutes(2);
    /** How long after the scan a hardware button press takes the card. */
    public static final Duration BUTTON_WINDOW = Duration.ofSeconds(30);

    private final Clock clock;
    private final RandomGenerator random;
    private Card card; // guarded by this
    private Card taken; // guarded by this: taken by a button whose ticket is being committed

    private record Card(String token, String residentKey, boolean priority, Instant readAt) {}

    /**
     * The card waiting for its ticket.
     *
     * @param priority the card says the resident is owed priority (their age, see the reader's priority_age)
     */
    public record Pending(String token, String residentKey, boolean priority) {}

    public ResidentCards(Clock clock) {
        this(clock, new SecureRandom());
    }

    ResidentCards(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /** A card was read; returns the token for the kiosk. Any earlier card is forgotten. */
    public synchronized String offer(String residentKey, boolean priority) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        card = new Card(token, residentKey, priority, clock.instant());
        return token;
    }

    /** The resident key for this token, if it is the current card and still in its window. Does not use it up. */
    public synchronized Optional<String> peek(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return within(WINDOW).filter(c -> c.token().equals(token)).map(Pending::residentKey);
    }

    /** The card read within {@link #BUTTON_WINDOW} and not used yet, whatever its token. Does not use it up. */
    public synchronized Optional<Pending> forButton() {
        return within(BUTTON_WINDOW);
    }

    /**
     * Takes the card for a button's ticket, at once: a second press while the first ticket is being committed gets
     * no card (two presses in quick succession must not both carry one resident's ID and priority). If no ticket
     * comes of it, {@link #giveBack} returns it.
     */
    public synchronized Optional<Pending> takeForButton() {
        Optional<Pending> p = within(BUTTON_WINDOW);
        if (p.isPresent()) {
            taken = card;
            card = null;
        }
        return p;
    }

    /** The button's ticket was refused or not stored: the card is the current one again, unless a newer was read. */
    public synchronized void giveBack(Pending p) {
        if (taken != null && taken.token.equals(p.token())) {
            if (card == null) {
                card = taken;
            }
            taken = null;
        }
    }

    private Optional<Pending> within(Duration window) {
        if (card != null && !clock.instant().isBefore(card.readAt.plus(WINDOW))) {
            card = null; // forgotten for good: no ticket may take it any more
        }
        if (card == null || !clock.instant().isBefore(card.readAt.plus(window))) {
            return Optional.empty();
        }
        return Optional.of(new Pending(card.token, card.residentKey, card.priority));
    }

    /** A ticket was issued with this token: the card applies to no further ticket. */
    public synchronized void used(String token) {
        if (card != null && card.token.equals(token)) {
            card = null;
        }
    }
}
