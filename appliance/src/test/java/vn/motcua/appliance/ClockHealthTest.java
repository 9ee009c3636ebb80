package vn.motcua.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.motcua.appliance.service.Health;

class ClockHealthTest {
    @Test
    void anUntrustedClockIsAStateNotAFaultAndSaysWhatItChanges() {
        Health.Status s = ClockHealth.status(false, true);
        assertTrue(s.ok(), "the office works through it");
        assertTrue(s.state().contains("not synchronised") && s.state().contains("opening hours not enforced")
                && s.state().contains("rolls once no ticket is active"), s.state());
        assertEquals("synchronised", ClockHealth.status(true, false).state());
        assertTrue(ClockHealth.status(true, true).state().contains("once tickets issued before are done"));
    }
}
