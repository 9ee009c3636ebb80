package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Topics t = new Topics("hoan-kiem", "phuong-hang-bac", "kiosk-1");

    @Test
    void everyTopicOfTheContractHangsUnderTheVersionedBase() {
        assertEquals("motcua/v1/hoan-kiem/phuong-hang-bac/kiosk-1/event/ticket.issued", t.event("ticket.issued"));
        assertEquals("motcua/v1/hoan-kiem/phuong-hang-bac/kiosk-1/status", t.availability());
        assertEquals("motcua/v1/hoan-kiem/phuong-hang-bac/kiosk-1/config", t.config());
        assertEquals("motcua/v1/hoan-kiem/phuong-hang-bac/kiosk-1/cmd/+", t.commandFilter());
        assertEquals("motcua/v1/hoan-kiem/phuong-hang-bac/kiosk-1/dossier/response", t.dossierResponse());
        assertTrue(!t.commandAck().startsWith(t.commandPrefix()), "acks must not match our own command subscription");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "#", "a/b", "x/#", "tab\there", "nul\u0000", "", "ph\u01b0\u1eddng", "sixty-five-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aSegmentThatCouldInjectATopicIsRefused(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Topics("d", bad, "k"));
        assertTrue(e.getMessage().startsWith("office"), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), "the message itself is safe to log");
    }

    @Test
    void anEventTypeIsValidatedToo() {
        assertThrows(IllegalArgumentException.class, () -> t.event("ticket/#"));
    }
}
