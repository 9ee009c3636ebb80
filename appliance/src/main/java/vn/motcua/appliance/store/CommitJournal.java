package vn.motcua.appliance.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * A small write-ahead journal that makes each command durable with one synchronous write of the filesystem
 * block it lands in, while H2 writes its pages behind, in batches. Hand-written because what it must do is
 * narrow (append, sync, read back after a crash, tell damage from a clean end) and no library does it with
 * fewer writes.
 *
 * <p>Writes go around the page cache ({@code O_DIRECT | O_DSYNC}) into a file preallocated once: the kernel
 * then writes exactly the block(s) of the record and nothing else. Through the page cache, a kernel that
 * caches files in large folios (Linux 6.x ext4) writes back the whole folio, up to 2 MiB, for a 1 KiB record
 * (measured here: see BENCHMARKS.md). Where O_DIRECT is refused (tmpfs), it falls back to the page cache and
 * {@code fdatasync}.
 *
 * <p><b>Two generations.</b> The file is two halves. Each checkpoint (H2 proven synced) starts a new
 * generation in the other half: a header (generation number, the seq H2 held at that checkpoint) and a base
 * record. The previous generation stays whole until the checkpoint after next overwrites it, so if H2 ever
 * comes back older than the checkpoint it was synced at, the commits in between are still here.
 *
 * <p>Half header: {@code "MCJH"} | format (u32) | generation (u64) | base seq (u64) | CRC-32C of those (u32).
 * Record: {@code "MCJ2"} | payload length (u32) | first event seq (u64) | CRC-32C of generation, seq and
 * payload (u32) | payload. Binding the CRC to the generation keeps a stale record of an older generation, left
 * beyond the end of the current one, from ever being read as current.
 *
 * <p>Reading tells three things apart: a clean end (zeros or a torn last record), damage (a header or a record
 * that fails its check with good records of the same generation after it, or a file with no valid header at
 * all), and a missing or empty file. What damage cost is decided by the caller, who knows what H2 holds.
 */
public final class CommitJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommitJournal.class);
    static final int HEADER_MAGIC = 0x4D434A48; // "MCJH"
    static final int MAGIC = 0x4D434A32; // "MCJ2"
    static final int LEGACY_MAGIC = 0x4D434A31; // "MCJ1": one generation, no header (before 2026-12)
    static final int FORMAT = 2;
    static final int HALF_HEADER = 32;
    static final int HEADER = 4 + 4 + 8 + 4;
    static final int MAX_PAYLOAD = 1 << 20;
    /** The size every journal had before two generations: such a file is not a truncated one. */
    static final long LEGACY_BYTES = 4L * 1024 * 1024;

    /** How the file was found at open. */
    public enum Found { CREATED, EMPTY, PRESENT }

    /** One record read back, with the generation it belongs to. */
    public record Entry(long generation, long firstSeq, byte[] payload) {}

    /** One half's generation as read: its header and its whole records, in order. */
    public record Generation(long number, long baseSeq, List<Entry> entries) {}

    /**
     * What was found in the file. {@code damage} lists what failed its checks where a clean crash could not have
     * left it (empty when the file is sound); {@code lostBetween} the seq ranges of records skipped over by damage.
     */
    public record Reading(Found found, List<Generation> generations, List<String> damage, List<long[]> lostBetween) {
        public List<Entry> entries() {
            List<Entry> all = new ArrayList<>();
            generations.forEach(g -> all.addAll(g.entries()));
            return all;
        }

        /** True when nothing in the file could be read as a generation: a new, empty or wholly damaged journal. */
        public boolean blank() {
            return generations.isEmpty();
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileChannel reader;
    private final long half;
    private final int block;
    private final boolean direct;
    private final Reading reading;
    private ByteBuffer io;
    private byte[] tail = new byte[0];
    private long generation;
    private int currentHalf = -1; // none until the first startGeneration of this run
    private long position;

    private CommitJournal(Path file, FileChannel channel, FileChannel reader, long half, int block, boolean direct,
                          Reading reading) {
        this.file = file;
        this.channel = channel;
        this.reader = reader;
        this.half = half;
        this.block = block;
        this.direct = direct;
        this.reading = reading;
        this.io = aligned(64 * 1024);
        Generation newest = reading.generations().isEmpty() ? null : reading.generations().getLast();
        this.generation = newest == null ? 0 : newest.number();
    }

    /**
     * Opens or creates (preallocated with zeros, synced) the journal in {@code dir} and reads what it holds
     * ({@link #reading()}). Appends need a generation: {@link #startGeneration} first.
     */
    public static CommitJournal open(Path dir, long capacity) throws IOException {
        // Named like the H2 files, so a database moved aside takes its journal with it.
        Path file = dir.resolve(Database.NAME + ".journal");
        int block = (int) Math.max(512, Math.min(64 * 1024, Files.getFileStore(dir).getBlockSize()));
        long half = Math.max(block * 2L, capacity / 2 / block * block);
        Found found = !Files.exists(file) ? Found.CREATED : Files.size(file) == 0 ? Found.EMPTY : Found.PRESENT;
        long sizeAtOpen = found == Found.CREATED ? 0 : Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (ch.size() < 2 * half) {
                ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
                for (long p = ch.size(); p < 2 * half; p += zeros.capacity()) {
                    zeros.clear().limit((int) Math.min(zeros.capacity(), 2 * half - p));
                    ch.write(zeros, p);
                }
                ch.force(true);
                syncFolder(dir);
            }
        }
        FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
        Reading reading = read(reader, half, found);
        // A file of the former size is a journal from before two generations, unless this folder's store was
        // opened by this software before (store.id): it extended the journal to its full size then.
        boolean legacySize = sizeAtOpen == LEGACY_BYTES && !StoreIdentity.existed(dir);
        if (found == Found.PRESENT && sizeAtOpen < 2 * half && !legacySize) {
            List<String> damage = new ArrayList<>(reading.damage());
            damage.add("journal truncated to " + sizeAtOpen + " of " + 2 * half + " bytes");
            reading = new Reading(found, reading.generations(), List.copyOf(damage), reading.lostBetween());
        }
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.DSYNC,
                    ExtendedOpenOption.DIRECT);
            return new CommitJournal(file, ch, reader, half, block, true, reading);
        } catch (IOException | UnsupportedOperationException e) {
            log.info("O_DIRECT refused for {} ({}); journal goes through the page cache", file, e.toString());
            return new CommitJournal(file, FileChannel.open(file, StandardOpenOption.WRITE), reader, half, block, false,
                    reading);
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // not every file system lets a folder be synced
        }
    }

    private ByteBuffer aligned(int bytes) {
        return ByteBuffer.allocateDirect(bytes + block).alignedSlice(block);
    }

    /** What the file held at open. */
    public Reading reading() {
        return reading;
    }

    /** Every whole record found at open, older generation first. */
    public List<Entry> readAll() {
        return reading.entries();
    }

    public Path file() {
        return file;
    }

    private static Reading read(FileChannel reader, long half, Found found) throws IOException {
        List<Generation> generations = new ArrayList<>();
        List<String> damage = new ArrayList<>();
        List<long[]> lost = new ArrayList<>();
        List<byte[]> damagedHalves = new ArrayList<>();
        boolean anyNonZero = false;
        for (int h = 0; h < 2; h++) {
            ByteBuffer bytes = ByteBuffer.allocate((int) half);
            while (bytes.hasRemaining() && reader.read(bytes, h * half + bytes.position()) > 0) {
                // read the whole half
            }
            byte[] b = bytes.array();
            boolean zero = isZero(b, 0, HALF_HEADER);
            anyNonZero |= !zero || !isZero(b, 0, Math.min(b.length, 64 * 1024));
            if (h == 0 && ByteBuffer.wrap(b).getInt(0) == LEGACY_MAGIC) {
                generations.add(new Generation(0, 0, records(b, 0, 0, true, damage, lost)));
                continue;
            }
            ByteBuffer hb = ByteBuffer.wrap(b);
            if (hb.getInt(0) != HEADER_MAGIC || hb.getInt(4) != FORMAT || crc(b, 0, 24) != hb.getInt(24)) {
                if (!zero) {
                    damage.add("journal half " + h + ": header fails its check");
                    damagedHalves.add(b);
                }
                continue;
            }
            long gen = hb.getLong(8);
            long baseSeq = hb.getLong(16);
            generations.add(new Generation(gen, baseSeq, records(b, HALF_HEADER, gen, false, damage, lost)));
        }
        generations.sort(Comparator.comparingLong(Generation::number));
        for (byte[] b : damagedHalves) {
            Generation salvaged = salvage(b, generations, damage, lost);
            if (salvaged != null) {
                generations.add(salvaged);
                generations.sort(Comparator.comparingLong(Generation::number));
            }
        }
        if (found == Found.PRESENT && generations.isEmpty() && anyNonZero && damage.isEmpty()) {
            damage.add("journal holds no readable generation");
        }
        return new Reading(found, List.copyOf(generations), List.copyOf(damage), List.copyOf(lost));
    }

    /**
     * The records of a half whose header is damaged: its generation is one of the other half's neighbours (or,
     * with no other half, a small number), found by the first record whose CRC matches it. What the damage hid
     * before that record is reported as lost from the end of the older generation.
     */
    private static Generation salvage(byte[] b, List<Generation> sound, List<String> damage, List<long[]> lost) {
        List<Long> candidates = new ArrayList<>();
        if (sound.isEmpty()) {
            for (long g = 1; g <= 4096; g++) {
                candidates.add(g);
            }
        } else {
            long other = sound.getLast().number();
            candidates.add(other + 1);
            candidates.add(other - 1);
        }
        for (int p = HALF_HEADER; p + HEADER <= b.length; p++) {
            if (b[p] != (byte) (MAGIC >>> 24) || ByteBuffer.wrap(b, p, 4).getInt() != MAGIC) {
                continue;
            }
            for (long g : candidates) {
                if (g < 1 || recordAt(b, p, g, false, Long.MIN_VALUE) == null) {
                    continue;
                }
                List<Entry> entries = records(b, p, g, false, damage, lost);
                long before = sound.stream().filter(x -> x.number() < g).flatMap(x -> x.entries().stream())
                        .mapToLong(Entry::firstSeq).max().orElse(0);
                damage.add("journal generation " + g + ": header unreadable, records read from seq "
                        + entries.getFirst().firstSeq());
                lost.add(new long[] {before, entries.getFirst().firstSeq()});
                return new Generation(g, 0, entries);
            }
        }
        return null;
    }

    /**
     * The whole records of one generation from {@code start}. A record that fails its check ends the generation,
     * unless a whole record of the same generation with a larger seq follows it: then what lies between is damage.
     */
    private static List<Entry> records(byte[] b, int start, long gen, boolean legacy, List<String> damage,
                                       List<long[]> lost) {
        List<Entry> out = new ArrayList<>();
        int p = start;
        long lastSeq = Long.MIN_VALUE;
        while (true) {
            Entry e = recordAt(b, p, gen, legacy, lastSeq);
            if (e != null) {
                out.add(e);
                lastSeq = e.firstSeq();
                p += HEADER + e.payload().length;
                continue;
            }
            int next = nextRecord(b, p + 1, gen, legacy, lastSeq);
            if (next < 0) {
                return out;
            }
            Entry after = recordAt(b, next, gen, legacy, lastSeq);
            damage.add("journal generation " + gen + ": " + (next - p) + " bytes at offset " + p
                    + " fail their checks, whole records follow (seq " + after.firstSeq() + ")");
            lost.add(new long[] {lastSeq == Long.MIN_VALUE ? 0 : lastSeq, after.firstSeq()});
            p = next;
        }
    }

    private static Entry recordAt(byte[] b, int p, long gen, boolean legacy, long lastSeq) {
        if (p < 0 || p + HEADER > b.length) {
            return null;
        }
        ByteBuffer h = ByteBuffer.wrap(b, p, HEADER);
        int magic = h.getInt();
        int length = h.getInt();
        long seq = h.getLong();
        int crc = h.getInt();
        if (magic != (legacy ? LEGACY_MAGIC : MAGIC) || length < 0 || length > MAX_PAYLOAD
                || (long) p + HEADER + length > b.length || seq <= lastSeq) {
            return null;
        }
        byte[] payload = new byte[length];
        System.arraycopy(b, p + HEADER, payload, 0, length);
        int expected = legacy ? legacyCrc(seq, payload) : crc(gen, seq, payload);
        return expected == crc ? new Entry(gen, seq, payload) : null;
    }

    private static int nextRecord(byte[] b, int from, long gen, boolean legacy, long lastSeq) {
        int magic = legacy ? LEGACY_MAGIC : MAGIC;
        for (int p = from; p + HEADER <= b.length; p++) {
            if (b[p] == (byte) (magic >>> 24) && ByteBuffer.wrap(b, p, 4).getInt() == magic
                    && recordAt(b, p, gen, legacy, lastSeq) != null) {
                return p;
            }
        }
        return -1;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the next record of this size would not fit: checkpoint the database and start a generation. */
    public boolean wouldOverflow(int payloadLength) {
        return currentHalf < 0 || position + HEADER + payloadLength > half;
    }

    /**
     * Starts the next generation in the other half, only after H2 has proven synced everything journalled so far:
     * its header and {@code base} (the live queue, may be null) in one synchronous write. The half it overwrites
     * held the generation before the previous one, which H2 had synced two checkpoints ago.
     */
    public void startGeneration(long baseSeq, byte[] base) throws IOException {
        long gen = generation + 1;
        int next = (int) (gen % 2); // generation g always lives in half g % 2
        int span = HALF_HEADER + (base == null ? 0 : HEADER + base.length);
        if (span > half) {
            throw new IOException("journal base record of " + span + " bytes does not fit in a half of " + half);
        }
        ByteBuffer header = ByteBuffer.allocate(HALF_HEADER);
        header.putInt(HEADER_MAGIC).putInt(FORMAT).putLong(gen).putLong(baseSeq);
        header.putInt(crc(header.array(), 0, 24));
        currentHalf = next;
        generation = gen;
        position = 0;
        tail = new byte[0];
        write(header.array(), base == null ? null : record(gen, baseSeq, base));
    }

    /**
     * Appends a record and has it on the device before returning: the partial block it starts in (kept in memory)
     * and the record are written together as whole blocks.
     */
    public void append(long firstSeq, byte[] payload) throws IOException {
        if (currentHalf < 0) {
            throw new IOException("journal has no generation started");
        }
        if (payload.length > MAX_PAYLOAD || wouldOverflow(payload.length)) {
            throw new IOException("journal record of " + payload.length + " bytes does not fit");
        }
        write(record(generation, firstSeq, payload), null);
    }

    private static byte[] record(long gen, long seq, byte[] payload) {
        return ByteBuffer.allocate(HEADER + payload.length).putInt(MAGIC).putInt(payload.length).putLong(seq)
                .putInt(crc(gen, seq, payload)).put(payload).array();
    }

    private void write(byte[] first, byte[] second) throws IOException {
        int length = first.length + (second == null ? 0 : second.length);
        long blockStart = position - position % block;
        int total = tail.length + length;
        int span = (total + block - 1) / block * block;
        if (io.capacity() < span) {
            io = aligned(span);
        }
        io.clear();
        io.put(tail).put(first);
        if (second != null) {
            io.put(second);
        }
        while (io.position() < span) {
            io.put((byte) 0);
        }
        io.flip();
        long p = currentHalf * half + blockStart;
        while (io.hasRemaining()) {
            p += channel.write(io, p);
        }
        if (!direct) {
            channel.force(false);
        }
        position += length;
        int lastBlock = (int) (position / block * block - blockStart);
        tail = new byte[(int) (position % block)];
        io.get(lastBlock, tail);
    }

    /** Bytes used in the current generation's half. */
    public long position() {
        return position;
    }

    public long generation() {
        return generation;
    }

    /** Bytes one generation may hold. */
    public long halfCapacity() {
        return half;
    }

    private static int crc(long gen, long seq, byte[] payload) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(16).putLong(0, gen).putLong(8, seq));
        c.update(payload);
        return (int) c.getValue();
    }

    private static int legacyCrc(long seq, byte[] payload) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(8).putLong(0, seq));
        c.update(payload);
        return (int) c.getValue();
    }

    private static int crc(byte[] b, int from, int to) {
        CRC32C c = new CRC32C();
        c.update(b, from, to - from);
        return (int) c.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
        reader.close();
    }
}
