package vn.motcua.appliance.devices.reader;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes from any reader adapter to classified scans: frame, decode strict UTF-8, classify, drop
 * repeats, count, log (sanitised), tell listeners. One per reader; its methods are synchronized
 * because the serial library's thread and the gap timer both call in.
 */
public final class ScanPipeline {
    private static final Logger log = LoggerFactory.getLogger(ScanPipeline.class);

    private final ScanFramer framer;
    private final CodeClassifier classifier;
    private final DuplicateFilter duplicates;
    private final LongSupplier nanoTime;
    private final ScanCounters counters = new ScanCounters();
    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();

    /** @param nanoTime monotonic time source (System::nanoTime, or a fake in tests) */
    public ScanPipeline(ReaderSettings settings, CodeClassifier classifier, LongSupplier nanoTime) {
        this.framer = new ScanFramer(settings.maxLength(), settings.interCharGap().toNanos());
        this.classifier = classifier;
        this.duplicates = new DuplicateFilter(settings.duplicateWindow().toNanos());
        this.nanoTime = nanoTime;
    }

    public void addListener(ScanListener l) {
        listeners.add(l);
    }

    public ScanCounters counters() {
        return counters;
    }

    public synchronized void bytes(byte[] data, int off, int len) {
        for (ScanFramer.Frame f : framer.offer(data, off, len, nanoTime.getAsLong())) {
            frame(f);
        }
    }

    /** Bytes a polling reader found waiting ({@link ScanFramer#offerPolled}). */
    public synchronized void polledBytes(byte[] data, int off, int len) {
        for (ScanFramer.Frame f : framer.offerPolled(data, off, len, nanoTime.getAsLong())) {
            frame(f);
        }
    }

    /** Ends a scan whose inter-character gap has passed; call from the scheduler. */
    public synchronized void tick() {
        for (ScanFramer.Frame f : framer.poll(nanoTime.getAsLong())) {
            frame(f);
        }
    }

    private void frame(ScanFramer.Frame f) {
        ScanResult r;
        String text = null;
        if (f.overflow()) {
            r = new ScanResult.Rejected(ScanResult.Reason.TOO_LONG, "");
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(f.bytes())).toString();
                r = classifier.classify(text);
            } catch (CharacterCodingException e) {
                r = new ScanResult.Rejected(ScanResult.Reason.INVALID_UTF8, "<" + f.bytes().length + " bytes>");
            }
        }
        if (text != null && !(r instanceof ScanResult.Rejected) && !duplicates.firstSeen(text.strip(), nanoTime.getAsLong())) {
            counters.duplicate();
            log.debug("repeat scan dropped ({})", kind(r));
            return;
        }
        counters.count(r);
        if (r instanceof ScanResult.Rejected x) {
            log.info("code not recognised: {} '{}'", x.reason(), x.preview());
        } else {
            log.info("scan: {}", kind(r));
        }
        for (ScanListener l : listeners) {
            try {
                l.scanned(r);
            } catch (RuntimeException e) {
                log.error("scan listener failed", e);
            }
        }
    }

    private static String kind(ScanResult r) {
        return switch (r) {
            case ScanResult.Dossier d -> "dossier code";
            case ScanResult.CitizenId c -> "citizen ID (reduced)";
            case ScanResult.Ticket t -> "ticket " + t.ticketNumber();
            case ScanResult.Booking b -> "booking";
            case ScanResult.Rejected x -> "rejected";
        };
    }
}
