package vn.motcua.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

class ResidentCardsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    final ResidentCards cards = new ResidentCards(clock);

    @Test
    void theCardAppliesToTheNextTicketOnlyWithinTwoMinutes() {
        String token = cards.offer("key-1");
        assertTrue(token.matches("[A-Za-z0-9_-]{22}"), token);
        clock.advance(Duration.ofSeconds(119));
        assertEquals(Optional.of("key-1"), cards.peek(token));
        assertEquals(Optional.of("key-1"), cards.peek(token), "peeking (a refused ticket) does not use it up");
        cards.used(token);
        assertEquals(Optional.empty(), cards.peek(token), "only the next ticket");

        String late = cards.offer("key-2");
        clock.advance(ResidentCards.WINDOW);
        assertEquals(Optional.empty(), cards.peek(late), "two minutes after the scan it is forgotten");
    }

    @Test
    void aSecondCardReplacesTheFirst() {
        String first = cards.offer("key-1");
        String second = cards.offer("key-2");
        assertNotEquals(first, second);
        assertEquals(Optional.empty(), cards.peek(first));
        assertEquals(Optional.of("key-2"), cards.peek(second));
        cards.used(first); // a stale token uses up nothing
        assertEquals(Optional.of("key-2"), cards.peek(second));
    }

    @Test
    void noTokenOrAnUnknownOneLinksNothing() {
        cards.offer("key-1");
        assertEquals(Optional.empty(), cards.peek(null));
        assertEquals(Optional.empty(), cards.peek("AAAAAAAAAAAAAAAAAAAAAA"));
    }
}
