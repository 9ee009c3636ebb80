package vn.motcua.appliance.web.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes the staff accounts file, for the technician's {@link StaffAccountsTool} and the manager's staff screen
 * alike: the whole new text is checked before it is written, then written to a file beside it and moved over
 * the old one, so the appliance (re-reading it every few seconds) never sees half a file. Comments and other
 * accounts' lines stay as they were (an older three-field line too); only the changed account's line is
 * rewritten, in the five-field form. The new file keeps the old one's owner, group and mode (a technician
 * running the tool as root must not leave a file the appliance cannot read); a first file takes its folder's
 * owner and group, mode 0640.
 */
public final class StaffAccountsWriter {
    /** One change at a time in this process (the manager's screen); the tool is one change per run. */
    private static final Object LOCK = new Object();

    /** The account to add exists already, or the one to change does not (the file itself was fine). */
    public static final class Conflict extends IllegalArgumentException {
        Conflict(String message) {
            super(message);
        }
    }

    private StaffAccountsWriter() {}

    /**
     * Appends a new account; refused with {@link Conflict} when the name exists already, with
     * {@link IllegalArgumentException} (line number) when the file on disk does not parse.
     */
    public static StaffAccounts add(Path file, StaffAccounts.Account account) throws IOException {
        synchronized (LOCK) {
            String text = read(file);
            if (StaffAccounts.parse(text, file.toString()).find(account.name()).isPresent()) {
                throw new Conflict("account " + account.name() + " exists already");
            }
            String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            return write(file, text + sep + account.line() + "\n");
        }
    }

    /** Rewrites the line of an existing account; refused with {@link Conflict} when there is none. */
    public static StaffAccounts replace(Path file, StaffAccounts.Account account) throws IOException {
        synchronized (LOCK) {
            String text = read(file);
            if (StaffAccounts.parse(text, file.toString()).find(account.name()).isEmpty()) {
                throw new Conflict("no account " + account.name());
            }
            List<String> out = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                out.add(StaffAccounts.nameOf(line).filter(account.name()::equals).isPresent() ? account.line() : line);
            }
            return write(file, String.join("\n", out));
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static StaffAccounts write(Path file, String text) throws IOException {
        StaffAccounts checked = StaffAccounts.parse(text, "new " + file.getFileName());
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".new");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            keepOwnership(Files.exists(file) ? file : dir, tmp, Files.exists(file));
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true); // the rename must not outrun the data on a power cut
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return checked;
    }

    private static void keepOwnership(Path from, Path to, boolean sameMode) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system (a developer's machine): nothing to keep
        }
        PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class);
        view.setPermissions(sameMode ? a.permissions() : PosixFilePermissions.fromString("rw-r-----"));
        try {
            view.setOwner(a.owner());
            view.setGroup(a.group());
        } catch (IOException e) {
            // only root may give a file away; the appliance writing its own file is its owner already
        }
    }
}
