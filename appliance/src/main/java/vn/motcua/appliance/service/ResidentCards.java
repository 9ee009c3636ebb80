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
 * <p>The token is random, not derived from the key: it is broadcast on the screens' live feed, which any page
 * in the hall can read, so it must say nothing about the resident.
 */
public final class ResidentCards {
    /** How long after the scan the resident may take the ticket it applies to. */
    public static final Duration WINDOW = Duration.ofMinutes(2);

    private final Clock clock;
    private final RandomGenerator random;
    private Card card; // guarded by this

    private record Card(String token, String residentKey, Instant until) {}

    public ResidentCards(Clock clock) {
        this(clock, new SecureRandom());
    }

    ResidentCards(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /** A card was read; returns the token for the kiosk. Any earlier card is forgotten. */
    public synchronized String offer(String residentKey) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        card = new Card(token, residentKey, clock.instant().plus(WINDOW));
        return token;
    }

    /** The resident key for this token, if it is the current card and still in its window. Does not use it up. */
    public synchronized Optional<String> peek(String token) {
        if (card == null || token == null || !card.token.equals(token)) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(card.until)) {
            card = null;
            return Optional.empty();
        }
        return Optional.of(card.residentKey);
    }

    /** A ticket was issued with this token: the card applies to no further ticket. */
    public synchronized void used(String token) {
        if (card != null && card.token.equals(token)) {
            card = null;
        }
    }
}
