package vn.motcua.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.transport.Rs485Check;

/** The one libc binding on a plain file: open, write, poll, read, the two kinds of ioctl, close, and errno. */
class LinuxFdTest {
    private static final int ENOENT = 2;
    private static final int ENOTTY = 25;

    @TempDir
    Path dir;

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"), "libc calls of Linux");
    }

    @Test
    void writesAndReadsBackThroughTheSameCalls() throws Exception {
        Path file = dir.resolve("data");
        Files.createFile(file);
        byte[] text = "Xin chào".getBytes(StandardCharsets.UTF_8);
        int w = LinuxFd.open(file.toString(), LinuxFd.O_WRONLY);
        try {
            assertEquals(text.length, LinuxFd.write(w, text, 0, text.length));
        } finally {
            LinuxFd.close(w);
        }
        int r = LinuxFd.open(file.toString(), LinuxFd.O_RDONLY);
        try {
            assertTrue(LinuxFd.poll(r, 100), "a regular file is always readable");
            byte[] back = new byte[64];
            int n = LinuxFd.read(r, back, 0, back.length);
            assertArrayEquals(text, java.util.Arrays.copyOf(back, n));
            assertEquals(0, LinuxFd.read(r, back, 0, back.length), "end of file");
        } finally {
            LinuxFd.close(r);
        }
    }

    @Test
    void aFailedCallCarriesItsErrno() {
        LinuxFd.ErrnoException e = assertThrows(LinuxFd.ErrnoException.class,
                () -> LinuxFd.open(dir.resolve("missing").toString(), LinuxFd.O_RDONLY));
        assertEquals(ENOENT, e.errno());
    }

    @Test
    void anIoctlAFileDoesNotKnowAnswersEnottyWhateverItsArgument() throws Exception {
        Path file = dir.resolve("plain");
        Files.createFile(file);
        int fd = LinuxFd.open(file.toString(), LinuxFd.O_RDONLY);
        try {
            assertEquals(ENOTTY, LinuxFd.ioctl(fd, 0x40044590L, 1)); // EVIOCGRAB, an int argument
            assertEquals(ENOTTY, LinuxFd.ioctl(fd, 0x542EL, new byte[32])); // TIOCGRS485, a struct
        } finally {
            LinuxFd.close(fd);
        }
    }

    @Test
    void theRs485CheckOfAFileThatIsNoTtySaysSo() throws Exception {
        Path file = dir.resolve("not-a-tty");
        Files.createFile(file);
        assertEquals(new Rs485Check.Result(false, "driver has no RS-485 mode (ENOTTY)"), Rs485Check.read(file.toString()));
        assertEquals(new Rs485Check.Result(false, "cannot open " + dir.resolve("gone") + " to check (errno 2)"),
                Rs485Check.read(dir.resolve("gone").toString()));
    }
}
