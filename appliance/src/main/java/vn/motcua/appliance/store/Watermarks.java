package vn.motcua.appliance.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * High-water marks kept outside the database, so that if the database is lost (moved aside after it
 * failed to open) ticket numbers and event sequence numbers still never go backwards.
 *
 * <p>Numbers are reserved in blocks: the file is rewritten (atomically, fsynced) only when a block is used
 * up, so it costs one small write per {@value #NUMBER_BLOCK} tickets of a service, not one per ticket.
 * After a database loss, numbering resumes after the reserved block: a few numbers are skipped, none reused.
 */
public final class Watermarks {
    private static final Logger log = LoggerFactory.getLogger(Watermarks.class);
    static final int NUMBER_BLOCK = 25;
    static final long SEQ_BLOCK = 2000;

    private final Path file;
    private LocalDate day;
    private final Map<String, Integer> reservedNumber = new HashMap<>();
    private long reservedSeq;
    private long provenSeq;
    /** First line of a file that ends with its CRC; what a truncation always leaves in place. */
    static final String HEADER_V2 = "# motcua high-water marks v2 (ends with its CRC-32C); see Watermarks.java. Do not edit.";
    private String problem;
    private boolean found;
    private long durableSeq;

    private Watermarks(Path file) {
        this.file = file;
    }

    public static Watermarks load(Path dir) {
        Watermarks w = new Watermarks(dir.resolve("watermarks.properties"));
        if (Files.exists(w.file)) {
            try {
                w.found = true;
                String text = Files.readString(w.file, StandardCharsets.UTF_8);
                checkIntact(text);
                Properties p = new Properties();
                p.load(new StringReader(text));
                w.day = p.getProperty("day") == null ? null : LocalDate.parse(p.getProperty("day"));
                w.reservedSeq = Long.parseLong(p.getProperty("seq", "0"));
                w.provenSeq = Long.parseLong(p.getProperty("durable", "0"));
                w.durableSeq = w.provenSeq;
                for (String k : p.stringPropertyNames()) {
                    if (k.startsWith("number.")) {
                        w.reservedNumber.put(k.substring(7), Integer.parseInt(p.getProperty(k)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Watermark file {} unreadable ({}); numbering continues from the database", w.file, e.toString());
                w.problem = "watermarks unreadable (" + e.getMessage() + ")";
                w.keepCopy();
            }
        }
        return w;
    }

    /** The last number that may have been issued today for this service (0 if none reserved). */
    public synchronized int reservedNumber(LocalDate today, String service) {
        return today.equals(day) ? reservedNumber.getOrDefault(service, 0) : 0;
    }

    public synchronized long reservedSeq() {
        return reservedSeq;
    }

    /**
     * A seq this store certainly made durable: the last one committed before the latest rewrite of this file (0 if
     * unknown). A store that opens holding less than this lost something.
     */
    public synchronized long provenSeq() {
        return provenSeq;
    }

    /**
     * A file written since two-generation journals ends with the CRC of what precedes it; one that has the newer
     * keys but no such line was cut short. The files written before carry neither and are taken as they are.
     */
    private static void checkIntact(String text) throws IOException {
        if (text.isEmpty()) {
            throw new IOException("empty");
        }
        int at = text.lastIndexOf("crc=");
        if (at < 0) {
            if (text.startsWith(HEADER_V2) || text.contains("durable=")) {
                throw new IOException("cut short");
            }
            return;
        }
        String stored = text.substring(at + 4).trim();
        if (!stored.equals(crc(text.substring(0, at)))) {
            throw new IOException("fails its check");
        }
    }

    private static String crc(String text) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(c.getValue());
    }

    /** Whether tickets were ever issued here: a business day's numbers were reserved (device events alone do not). */
    public synchronized boolean reservedADay() {
        return day != null;
    }

    /** Whether the file was there at load. */
    public synchronized boolean found() {
        return found;
    }

    /** What was wrong with the file at load, if anything (it was then copied aside). */
    public synchronized java.util.Optional<String> problem() {
        return java.util.Optional.ofNullable(problem);
    }

    private void keepCopy() {
        try {
            Files.copy(file, file.resolveSibling(file.getFileName() + ".broken"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("could not keep a copy of {}: {}", file, e.toString());
        }
    }

    /** The last seq made durable so far; written with the next reservation. */
    public synchronized void noteDurable(long seq) {
        durableSeq = Math.max(durableSeq, seq);
    }

    /**
     * Makes sure {@code number} and {@code seq} are covered by a durable reservation; writes only when not. A
     * reservation that could not be written is not kept (a full disk must not skip a block of numbers per try).
     */
    public synchronized void cover(LocalDate today, Map<String, Integer> lastNumbers, long seq) throws IOException {
        LocalDate dayBefore = day;
        Map<String, Integer> numbersBefore = new HashMap<>(reservedNumber);
        long seqBefore = reservedSeq;
        boolean write = false;
        if (!today.equals(day)) {
            day = today;
            reservedNumber.clear();
            write = true;
        }
        for (Map.Entry<String, Integer> e : lastNumbers.entrySet()) {
            if (e.getValue() > reservedNumber.getOrDefault(e.getKey(), 0)) {
                reservedNumber.put(e.getKey(), e.getValue() + NUMBER_BLOCK);
                write = true;
            }
        }
        if (seq > reservedSeq) {
            reservedSeq = seq + SEQ_BLOCK;
            write = true;
        }
        if (write) {
            topUp(lastNumbers, seq);
            try {
                save();
            } catch (IOException e) {
                day = dayBefore;
                reservedNumber.clear();
                reservedNumber.putAll(numbersBefore);
                reservedSeq = seqBefore;
                throw e;
            }
        }
    }

    /**
     * While the file is being written anyway, every other reservation with less than half a block left gets a new
     * block too. Services issue in turn, so their blocks run out together: without this each one's end cost a write
     * of its own (six fsynced rewrites per 25 rounds of the demo's six services, 0.1-0.3 ms a command averaged on a
     * loaded disk; BENCHMARKS.md, "The Pi's budget"). A reservation is still at most a block above what was issued,
     * so a lost database still skips at most {@value #NUMBER_BLOCK} numbers of a service.
     */
    private void topUp(Map<String, Integer> lastNumbers, long seq) {
        for (Map.Entry<String, Integer> e : lastNumbers.entrySet()) {
            if (reservedNumber.getOrDefault(e.getKey(), 0) - e.getValue() < NUMBER_BLOCK / 2) {
                reservedNumber.put(e.getKey(), e.getValue() + NUMBER_BLOCK);
            }
        }
        if (reservedSeq - seq < SEQ_BLOCK / 2) {
            reservedSeq = seq + SEQ_BLOCK;
        }
    }

    public synchronized void coverSeq(long seq) throws IOException {
        if (seq > reservedSeq) {
            long seqBefore = reservedSeq;
            reservedSeq = seq + SEQ_BLOCK;
            try {
                save();
            } catch (IOException e) {
                reservedSeq = seqBefore;
                throw e;
            }
        }
    }

    /**
     * Writes the file when there is none yet (a fresh store, or one whose file was lost and has been reported): from
     * then on its absence means it was lost, not that nothing was ever issued here.
     */
    public synchronized void ensureWritten() throws IOException {
        if (!found) {
            save();
            found = true;
        }
    }

    private void save() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER_V2 + "\n");
        if (day != null) {
            sb.append("day=").append(day).append('\n');
        }
        sb.append("seq=").append(reservedSeq).append('\n');
        provenSeq = Math.max(provenSeq, durableSeq);
        sb.append("durable=").append(provenSeq).append('\n');
        new TreeMap<>(reservedNumber).forEach((k, v) -> sb.append("number.").append(k).append('=').append(v).append('\n'));
        String crc = crc(sb.toString()); // of everything before the crc line
        sb.append("crc=").append(crc).append('\n');
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(StandardCharsets.UTF_8.encode(sb.toString()));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true); // the rename itself must survive a power cut
        } catch (IOException e) {
            log.debug("cannot fsync folder {}: {}", file.getParent(), e.toString());
        }
    }
}
