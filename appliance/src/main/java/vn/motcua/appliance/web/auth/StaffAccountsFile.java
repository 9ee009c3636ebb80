package vn.motcua.appliance.web.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.service.Health;

/**
 * The staff accounts file, kept current: {@link #reloadIfChanged()} (run every few seconds on the appliance's
 * scheduler) reads it again when its modification time or size changed, so a technician adding a clerk does not
 * restart the office. A file that does not parse keeps the accounts in force, is logged (line number, never a
 * hash) and counted, and shows on {@code /healthz} until it is fixed. At start a bad file means no accounts (the
 * staff pages refuse logins) rather than no queue: the office must open even if the file was broken.
 */
public final class StaffAccountsFile {
    private static final Logger log = LoggerFactory.getLogger(StaffAccountsFile.class);
    /** What was last seen on disk; {@code null} fields mean "no file". */
    private record Stamp(Object modified, long size, Object fileKey) {}

    private final Path file;
    private final Consumer<StaffAccounts> changed;
    private final AtomicLong badReads = new AtomicLong();
    private volatile StaffAccounts current = StaffAccounts.empty();
    private volatile Stamp seen = new Stamp(null, -1, null);
    private volatile String problem;
    private boolean started;

    /** @param changed told of each new set of accounts put in force after the start (sessions drop removed ones) */
    public StaffAccountsFile(Path file, Consumer<StaffAccounts> changed) {
        this.file = file;
        this.changed = changed;
        reloadIfChanged();
        started = true;
        log.info("{} staff accounts from {}", current.size(), file);
    }

    /** The file itself, for the staff screen's changes ({@link StaffAccountsWriter}). */
    public Path path() {
        return file;
    }

    public StaffAccounts current() {
        return current;
    }

    /** Re-reads the file if it changed since the last look; true when new accounts were put in force. */
    public synchronized boolean reloadIfChanged() {
        Stamp now = stamp();
        if (now.equals(seen)) {
            return false;
        }
        seen = now;
        try {
            StaffAccounts next = now.modified() == null ? StaffAccounts.empty() : StaffAccounts.load(file);
            current = next;
            problem = null;
            if (started) {
                log.info("Staff accounts reloaded: {} accounts from {}", next.size(), file);
                changed.accept(next);
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            badReads.incrementAndGet();
            problem = String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", "?");
            log.warn("Staff accounts file not taken, {} accounts stay in force: {}", current.size(), problem);
            return false;
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            // the file key (device and inode) too: a rewrite moved into place is a new file even within one
            // timestamp tick and at the same size (a reset password)
            return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (NoSuchFileException e) {
            return new Stamp(null, -1, null);
        } catch (IOException e) {
            return new Stamp("unreadable: " + e.getClass().getSimpleName(), -1, null);
        }
    }

    /** Bad versions of the file seen since start. */
    public long badReads() {
        return badReads.get();
    }

    public void registerHealth(Health health) {
        health.register("staff_accounts", () -> problem == null
                ? Health.Status.ok(current.size() + " accounts")
                : Health.Status.fault("file refused", problem + " (" + current.size() + " accounts stay in force)"));
    }
}
