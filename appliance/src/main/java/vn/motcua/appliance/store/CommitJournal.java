package vn.motcua.appliance.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * A small write-ahead journal that makes each command durable with one synchronous write of the filesystem
 * block it lands in, while H2 writes its pages behind, in batches. Hand-written because what it must do is
 * narrow (append, sync, read back after a crash) and no library does it with fewer writes.
 *
 * <p>Writes go around the page cache ({@code O_DIRECT | O_DSYNC}) into a file preallocated once: the kernel
 * then writes exactly the block(s) of the record and nothing else. Through the page cache, a kernel that
 * caches files in large folios (Linux 6.x ext4) writes back the whole folio, up to 2 MiB, for a 1 KiB record
 * (measured here: see BENCHMARKS.md). Where O_DIRECT is refused (tmpfs), it falls back to the page cache and
 * {@code fdatasync}.
 *
 * <p>After H2 has synced its own files (a checkpoint) the journal starts again at offset 0; records left from
 * before carry smaller sequence numbers than the database already holds, so recovery tells them apart.
 *
 * <p>Record: {@code "MCJ1"} | payload length (u32) | first event seq (u64) | CRC-32C of seq and payload (u32) |
 * payload. Recovery reads records from offset 0 while they are whole, their CRC matches and their seq grows.
 */
public final class CommitJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommitJournal.class);
    static final int MAGIC = 0x4D434A31; // "MCJ1"
    static final int HEADER = 4 + 4 + 8 + 4;
    static final int MAX_PAYLOAD = 1 << 20;

    private final FileChannel channel;
    private final FileChannel reader;
    private final long capacity;
    private final int block;
    private final boolean direct;
    private ByteBuffer io;
    private byte[] tail = new byte[0];
    private long position;

    private CommitJournal(FileChannel channel, FileChannel reader, long capacity, int block, boolean direct) {
        this.channel = channel;
        this.reader = reader;
        this.capacity = capacity;
        this.block = block;
        this.direct = direct;
        this.io = aligned(64 * 1024);
    }

    /** Opens or creates (preallocated with zeros, synced) the journal in {@code dir}. */
    public static CommitJournal open(Path dir, long capacity) throws IOException {
        // Named like the H2 files, so a database moved aside takes its journal with it.
        Path file = dir.resolve(Database.NAME + ".journal");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (ch.size() < capacity) {
                ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
                for (long p = ch.size(); p < capacity; p += zeros.capacity()) {
                    zeros.clear().limit((int) Math.min(zeros.capacity(), capacity - p));
                    ch.write(zeros, p);
                }
                ch.force(true);
                syncFolder(dir);
            }
        }
        int block = (int) Math.max(512, Math.min(64 * 1024, Files.getFileStore(file).getBlockSize()));
        FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
        long size = reader.size();
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.DSYNC,
                    ExtendedOpenOption.DIRECT);
            return new CommitJournal(ch, reader, size, block, true);
        } catch (IOException | UnsupportedOperationException e) {
            log.info("O_DIRECT refused for {} ({}); journal goes through the page cache", file, e.toString());
            return new CommitJournal(FileChannel.open(file, StandardOpenOption.WRITE), reader, size, block, false);
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

    /** One record read back. */
    public record Entry(long firstSeq, byte[] payload) {}

    /** The whole records from the start of the file, in order, stopping at the first torn, stale or empty one. */
    public List<Entry> readAll() throws IOException {
        List<Entry> out = new ArrayList<>();
        long p = 0;
        long lastSeq = Long.MIN_VALUE;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (p + HEADER <= capacity) {
            header.clear();
            if (reader.read(header, p) < HEADER) {
                break;
            }
            header.flip();
            int magic = header.getInt();
            int length = header.getInt();
            long seq = header.getLong();
            int crc = header.getInt();
            if (magic != MAGIC || length < 0 || length > MAX_PAYLOAD || p + HEADER + length > capacity || seq <= lastSeq) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            reader.read(payload, p + HEADER);
            if (payload.position() < length || crc(seq, payload.array()) != crc) {
                break;
            }
            out.add(new Entry(seq, payload.array()));
            lastSeq = seq;
            p += HEADER + length;
        }
        return out;
    }

    /** True when the next record of this size would not fit: checkpoint the database and {@link #restart()}. */
    public boolean wouldOverflow(int payloadLength) {
        return position + HEADER + payloadLength > capacity;
    }

    /**
     * Appends a record and has it on the device before returning: the partial block it starts in (kept in memory)
     * and the record are written together as whole blocks.
     */
    public void append(long firstSeq, byte[] payload) throws IOException {
        if (payload.length > MAX_PAYLOAD || wouldOverflow(payload.length)) {
            throw new IOException("journal record of " + payload.length + " bytes does not fit");
        }
        long blockStart = position - position % block;
        int before = tail.length;
        int total = before + HEADER + payload.length;
        int span = (total + block - 1) / block * block;
        if (io.capacity() < span) {
            io = aligned(span);
        }
        io.clear();
        io.put(tail).putInt(MAGIC).putInt(payload.length).putLong(firstSeq).putInt(crc(firstSeq, payload)).put(payload);
        while (io.position() < span) {
            io.put((byte) 0);
        }
        io.flip();
        long p = blockStart;
        while (io.hasRemaining()) {
            p += channel.write(io, p);
        }
        if (!direct) {
            channel.force(false);
        }
        position += HEADER + payload.length;
        int lastBlock = (int) (position / block * block - blockStart);
        tail = new byte[(int) (position % block)];
        io.get(lastBlock, tail);
    }

    /** Starts again at offset 0; only after the database has synced everything journalled so far. */
    public void restart() {
        position = 0;
        tail = new byte[0];
    }

    public long position() {
        return position;
    }

    private static int crc(long seq, byte[] payload) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(8).putLong(0, seq));
        c.update(payload);
        return (int) c.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
        reader.close();
    }
}
