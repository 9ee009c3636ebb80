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
        String token = cards.offer("key-1", false);
        assertTrue(token.matches("[A-Za-z0-9_-]{22}"), token);
        clock.advance(Duration.ofSeconds(119));
        assertEquals(Optional.of("key-1"), cards.peek(token));
        assertEquals(Optional.of("key-1"), cards.peek(token), "peeking (a refused ticket) does not use it up");
        cards.used(token);
        assertEquals(Optional.empty(), cards.peek(token), "only the next ticket");

        String late = cards.offer("key-2", false);
        clock.advance(ResidentCards.WINDOW);
        assertEquals(Optional.empty(), cards.peek(late), "two minutes after the scan it is forgotten");
    }

    @Test
    void aSecondCardReplacesTheFirst() {
        String first = cards.offer("key-1", false);
        String second = cards.offer("key-2", false);
        assertNotEquals(first, second);
        assertEquals(Optional.empty(), cards.peek(first));
        assertEquals(Optional.of("key-2"), cards.peek(second));
        cards.used(first); // a stale token uses up nothing
        assertEquals(Optional.of("key-2"), cards.peek(second));
    }

    @Test
    void noTokenOrAnUnknownOneLinksNothing() {
        cards.offer("key-1", false);
        assertEquals(Optional.empty(), cards.peek(null));
        assertEquals(Optional.empty(), cards.peek("AAAAAAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void aButtonTakesTheCardAtOnceSoASecondPressGetsNoneAndARefusedTicketGivesItBack() {
        String token = cards.offer("key-1", true);
        ResidentCards.Pending first = cards.takeForButton().orElseThrow();
        assertEquals(new ResidentCards.Pending(token, "key-1", true), first);
        assertEquals(Optional.empty(), cards.takeForButton(), "a second press while the first commits: no card");
        cards.giveBack(first); // the first ticket was refused
        assertEquals(Optional.of(first), cards.takeForButton(), "the card waits for a ticket again");

        cards.offer("key-2", false); // a newer card read while the first press was refused
        cards.giveBack(first);
        assertEquals("key-2", cards.takeForButton().orElseThrow().residentKey(), "the newer card is not replaced");
    }

    @Test
    void aButtonTakesTheCardWithItsPriorityOnlyWithinThirtySeconds() {
        assertEquals(Optional.empty(), cards.forButton());
        String token = cards.offer("key-1", true);
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of(new ResidentCards.Pending(token, "key-1", true)), cards.forButton());
        cards.used(token);
        assertEquals(Optional.empty(), cards.forButton(), "used by the button's ticket");

        String kiosk = cards.offer("key-2", false);
        clock.advance(ResidentCards.BUTTON_WINDOW);
        assertEquals(Optional.empty(), cards.forButton(), "a card left at the kiosk: no stranger's button takes it");
        assertEquals(Optional.of("key-2"), cards.peek(kiosk), "the kiosk still may, within its two minutes");
    }
}
