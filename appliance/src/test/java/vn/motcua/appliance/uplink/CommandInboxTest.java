package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

class CommandInboxTest {
    private final List<String> done = new ArrayList<>();
    private final List<Long> resyncs = new ArrayList<>();
    private final CommandHandler handler = new CommandHandler() {
        @Override public Outcome resetQueue(String reason) {
            done.add("reset:" + reason);
            return Outcome.done();
        }

        @Override public Outcome hallMessage(String vi, String en, Instant until) {
            done.add("hall:" + vi + "|" + en + "|" + until);
            return Outcome.done();
        }
    };
    private final CommandInbox inbox = new CommandInbox(handler, resyncs::add, new MutableClock(Instant.parse("2026-11-21T09:00:00Z")));

    private StatusMessages.CommandAck send(String name, String json) {
        return inbox.receive(name, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theServerSetsAHallMessageAndGetsAnAck() {
        var ack = send("hall-message", "{\"id\":\"c-1\",\"textVi\":\"Nghỉ trưa 11:30-13:00\",\"textEn\":\"Lunch break\","
                + "\"until\":\"2026-11-21T13:00:00Z\"}");
        assertEquals("done", ack.status());
        assertEquals("c-1", ack.id());
        assertEquals(List.of("hall:Nghỉ trưa 11:30-13:00|Lunch break|2026-11-21T13:00:00Z"), done);
    }

    @Test
    void aRepeatedCommandIdIsAnsweredAsBeforeNotRunTwice() {
        var first = send("reset-queue", "{\"id\":\"c-2\",\"reason\":\"office closes early\"}");
        assertEquals("done", first.status());
        // the district resends a command whose ack it never heard (lost with the link): it hears the same answer
        assertEquals(first, send("reset-queue", "{\"id\":\"c-2\",\"reason\":\"office closes early\"}"));
        assertEquals(1, done.size(), "run once");
        var refused = send("format-disk", "{\"id\":\"c-3\"}");
        assertEquals("refused", refused.status());
        assertEquals(refused, send("format-disk", "{\"id\":\"c-3\"}"), "a refusal is answered the same again");
    }

    @Test
    void resyncAsksThePumpToResendFromTheSeq() {
        assertEquals("done", send("resync", "{\"id\":\"c-3\",\"fromSeq\":1200}").status());
        assertEquals(List.of(1200L), resyncs);
    }

    @Test
    void expiredUnknownAndMalformedCommandsAreRefusedAndChangeNothing() {
        assertEquals("expired", send("reset-queue", "{\"id\":\"c-4\",\"reason\":\"x\",\"expires\":\"2026-11-21T08:59:59Z\"}").status());
        assertEquals("refused", send("self-destruct", "{\"id\":\"c-5\"}").status());
        assertEquals("refused", send("resync", "{\"id\":\"c-6\",\"fromSeq\":-4}").status());
        assertEquals("refused", send("resync", "{\"id\":\"c-7\",\"fromSeq\":\"many\"}").status());
        assertEquals("refused", send("hall-message", "{\"id\":\"c-8\",\"textVi\":\"" + "x".repeat(300) + "\",\"textEn\":\"\"}").status());
        assertEquals("refused", send("hall-message", "{\"id\":\"c-9\",\"textVi\":\"a\\u0007b\",\"textEn\":\"\"}").status());
        assertEquals("refused", send("reset-queue", "{\"reason\":\"no id\"}").status());
        assertEquals("refused", send("reset-queue", "{\"id\":\"a/#\",\"reason\":\"x\"}").status());
        assertEquals("refused", send("reset-queue", "{\"id\":\"c-10\"").status());
        assertEquals("refused", send("reset-queue", "{\"id\":\"c-11\",\"reason\":\"" + "x".repeat(5000) + "\"}").status());
        assertEquals(List.of(), done);
        assertEquals(List.of(), resyncs);
        assertEquals(9, inbox.refusedCount(), "the expired one is acknowledged as expired, not counted as bad input");
    }
}
