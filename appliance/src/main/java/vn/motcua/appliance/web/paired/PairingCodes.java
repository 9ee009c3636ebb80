package vn.motcua.appliance.web.paired;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Pairing codes waiting for a manager, in memory only (a restart just asks the screen for a new one). A screen asks for
 * a code and gets it with a <em>claim</em>, a 256-bit secret kept in its own cookie: the code is shown on the screen
 * for the manager to read, the claim never is, so whoever else reads the code off the wall can confirm it (a manager
 * only, on {@code /manager}) but cannot collect the token. A code lives {@link #TTL} and is taken once: confirmed, it
 * is gone from the codes at once, and its token is handed out once, to the claim, then forgotten.
 *
 * <p>Bounded: at most {@link #MAX_PENDING} codes wait at once and {@link #PER_SOURCE} per source address; a new one
 * past either replaces the oldest.
 */
final class PairingCodes {
    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_PENDING = 32;
    static final int PER_SOURCE = 3;
    /** No look-alikes (0/O, 1/I/L): read off a TV across a room and typed by hand. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A code waiting: who asked (address), until when, and once confirmed the screen's token to hand over. */
    record Pending(String code, String claim, String source, Instant expires, PairedScreens.Paired paired) {
        Pending confirmed(PairedScreens.Paired p) {
            return new Pending(code, claim, source, expires, p);
        }
    }

    /** What a screen polling with its claim learns. */
    sealed interface State {
        record Waiting(String code, long secondsLeft) implements State {}
        record Paired(PairedScreens.Paired paired) implements State {}
        record Gone() implements State {}
    }

    private final Clock clock;
    /** In the order asked for: the first of a source is its oldest. */
    private final Map<String, Pending> byClaim = new LinkedHashMap<>();
    private final Map<String, String> claimByCode = new HashMap<>();

    PairingCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new code for the screen at {@code source}. */
    synchronized Pending request(String source) {
        purge();
        if (byClaim.size() >= MAX_PENDING) {
            drop(oldest(null));
        }
        if (byClaim.values().stream().filter(p -> p.source().equals(source)).count() >= PER_SOURCE) {
            drop(oldest(source));
        }
        String code;
        do {
            code = newCode();
        } while (claimByCode.containsKey(code));
        Pending p = new Pending(code, ScreenTokens.fresh(), source, clock.instant().plus(TTL), null);
        byClaim.put(p.claim(), p);
        claimByCode.put(code, p.claim());
        return p;
    }

    /**
     * Takes the live, unconfirmed code {@code typed} (any case; spaces and dashes ignored): from now on it matches
     * nothing. Empty when there is no such code (wrong, expired, or used).
     */
    synchronized Optional<Pending> take(String typed) {
        purge();
        String claim = claimByCode.remove(normalise(typed));
        return Optional.ofNullable(claim == null ? null : byClaim.get(claim));
    }

    /** Hands the token of the screen just paired to the claim of its code (collected by the screen's next poll). */
    synchronized void deliver(Pending taken, PairedScreens.Paired paired) {
        if (byClaim.containsKey(taken.claim())) {
            byClaim.put(taken.claim(), taken.confirmed(paired));
        }
    }

    /** Where the claim's code stands; a paired one is handed over once and forgotten. */
    synchronized State state(String claim) {
        purge();
        Pending p = claim == null ? null : byClaim.get(claim);
        if (p == null) {
            return new State.Gone();
        }
        if (p.paired() != null) {
            byClaim.remove(claim);
            return new State.Paired(p.paired());
        }
        return new State.Waiting(p.code(), Math.max(0, Duration.between(clock.instant(), p.expires()).toSeconds()));
    }

    synchronized int pending() {
        purge();
        return byClaim.size();
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** As the screen shows it: two halves, easier to read aloud and to type. */
    static String shown(String code) {
        return code.substring(0, 3) + "-" + code.substring(3);
    }

    private void purge() {
        Instant now = clock.instant();
        byClaim.values().removeIf(p -> {
            boolean expired = !now.isBefore(p.expires());
            if (expired) {
                claimByCode.remove(p.code());
            }
            return expired;
        });
    }

    private Pending oldest(String source) {
        return byClaim.values().stream().filter(p -> source == null || p.source().equals(source)).findFirst().orElse(null);
    }

    private void drop(Pending p) {
        if (p != null) {
            byClaim.remove(p.claim());
            claimByCode.remove(p.code());
        }
    }

    private static String newCode() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
