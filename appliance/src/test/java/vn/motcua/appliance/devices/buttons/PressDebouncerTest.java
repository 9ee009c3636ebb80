package vn.motcua.appliance.devices.buttons;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The press rules on their own, with a repeat guard shorter than the bounces so that the quiet-gap rule is what
 * decides (in the panel tests every bounce also falls inside the repeat guard).
 */
class PressDebouncerTest {
    private static final long MS = 1_000_000L;
    private static final int PIN = 17;

    /** 30 ms debounce, a 5 ms repeat guard: only the line's quiet gap tells a bounce from a press. */
    private final PressDebouncer d = new PressDebouncer(30 * MS, 5 * MS);

    @Test
    void aContactThatBouncesForTenMillisecondsIsOnePress() {
        assertTrue(d.edge(PIN, true, 1000 * MS), "the first contact prints at once");
        long t = 1000 * MS;
        for (int i = 0; i < 10; i++) { // release/contact chatter every millisecond, 10 ms long
            t += MS;
            assertFalse(d.edge(PIN, i % 2 == 1, t), "bounce edge " + i + " at +" + (t / MS - 1000) + " ms");
        }
    }

    @Test
    void aContactAfterTheLineWasQuietForTheDebounceTimeIsANewPress() {
        assertTrue(d.edge(PIN, true, 1000 * MS));
        assertFalse(d.edge(PIN, false, 1100 * MS), "release");
        assertFalse(d.edge(PIN, true, 1120 * MS), "20 ms after the release: the line was not quiet for 30 ms");
        assertFalse(d.edge(PIN, false, 1125 * MS));
        assertTrue(d.edge(PIN, true, 1160 * MS), "35 ms of quiet line, then contact: the next resident");
    }

    @Test
    void aReleaseIsNeverAPressAndEachButtonIsJudgedOnItsOwn() {
        assertFalse(d.edge(PIN, false, 1000 * MS), "a release after a quiet line prints nothing");
        assertTrue(d.edge(PIN, true, 2000 * MS));
        assertTrue(d.edge(27, true, 2001 * MS), "another service's button 1 ms later is another resident");
    }

    @Test
    void theRepeatGuardHoldsBackAQuickSecondPressOfTheSameButton() {
        PressDebouncer guarded = new PressDebouncer(30 * MS, 1000 * MS);
        assertTrue(guarded.edge(PIN, true, 1000 * MS));
        assertFalse(guarded.edge(PIN, false, 1100 * MS));
        assertFalse(guarded.edge(PIN, true, 1500 * MS), "quiet for 400 ms but within the 1 s guard: the same resident");
        assertFalse(guarded.edge(PIN, false, 1600 * MS));
        assertTrue(guarded.edge(PIN, true, 2100 * MS), "after the guard: a new press");
    }
}
