package vn.motcua.bus.master;

import java.io.IOException;
import java.util.Optional;
import vn.motcua.bus.codec.Frame;
import vn.motcua.bus.codec.FrameParser;
import vn.motcua.bus.codec.Messages;
import vn.motcua.bus.codec.StatusReply;
import vn.motcua.bus.transport.BusTransport;
import vn.motcua.bus.transport.ReplyDeadline;

/**
 * Waits for the one reply that answers the request just sent: right address, right SEQ, a
 * well-formed STATUS. Anything else heard meanwhile (a late reply to an earlier attempt, line
 * noise, a corrupted frame) is counted and skipped.
 */
final class ReplyReader {

    /** Either a reply or the reason there was none: "no-reply", "bad-crc", "bad-reply". */
    record Result(StatusReply reply, String failure) {}

    private final BusTransport transport;
    private final FrameParser parser = new FrameParser();
    private final byte[] buf = new byte[64];
    private volatile long staleFrames; // written by the I/O thread only, read by stats()
    private volatile long malformed;

    ReplyReader(BusTransport transport) {
        this.transport = transport;
    }

    Result await(int address, int seq, long timeoutNanos) throws IOException {
        parser.reset();
        long badBefore = parser.badFrames() + parser.noiseBytes();
        ReplyDeadline deadline = new ReplyDeadline(timeoutNanos); // late is not silence: see ReplyDeadline
        Frame[] match = new Frame[1];
        boolean malformedSeen = false;
        while (true) {
            long wait = deadline.nextWaitNanos();
            if (wait < 0) {
                break;
            }
            int n = transport.read(buf, wait);
            if (n <= 0) {
                continue;
            }
            parser.feed(buf, 0, n, f -> {
                if (match[0] == null && f.reply() && f.address() == address && f.seq() == seq) {
                    match[0] = f;
                } else {
                    staleFrames++;
                }
            });
            if (match[0] != null) {
                Optional<StatusReply> r = Messages.status(match[0]);
                if (r.isPresent()) {
                    return new Result(r.get(), null);
                }
                malformed++;
                malformedSeen = true;
                match[0] = null;
            }
        }
        if (malformedSeen) {
            return new Result(null, "bad-reply");
        }
        boolean garbage = parser.badFrames() + parser.noiseBytes() > badBefore || parser.hasPartial();
        return new Result(null, garbage ? "bad-crc" : "no-reply");
    }

    long staleFrames() {
        return staleFrames;
    }

    long badFrames() {
        return parser.badFrames();
    }

    long noiseBytes() {
        return parser.noiseBytes();
    }

    long malformed() {
        return malformed;
    }
}
