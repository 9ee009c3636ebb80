package vn.motcua.appliance.devices.reader;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The libc calls an evdev reader needs, through Java's FFM API (final since Java 22): open, ioctl
 * (EVIOCGRAB, so scans do not also type into the kiosk browser), poll (so the read loop can stop),
 * read and close. Java's own file API cannot issue an ioctl, and the grab belongs to the file
 * descriptor, so every call goes through the same fd here. Needs {@code --enable-native-access=ALL-UNNAMED}
 * to run without a warning. Linux only.
 */
final class LinuxInput {
    /** {@code _IOW('E', 0x90, int)}: 1 to grab the device for this fd alone, 0 to release. */
    static final long EVIOCGRAB = 0x40044590L;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final short POLLIN = 0x1;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final MethodHandle OPEN = fn("open", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), CAPTURE);
    private static final MethodHandle IOCTL = fn("ioctl", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), CAPTURE, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle POLL = fn("poll", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), CAPTURE);
    private static final MethodHandle READ = fn("read", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), CAPTURE);
    private static final MethodHandle CLOSE = fn("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private LinuxInput() {}

    @SuppressWarnings("restricted") // native access is the point of this class; see the class doc
    private static MethodHandle fn(String name, FunctionDescriptor d, Linker.Option... opts) {
        MemorySegment sym = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(sym, d, opts);
    }

    static int open(String path) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CALL_STATE);
            int fd = (int) OPEN.invokeExact(st, a.allocateFrom(path), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                throw new IOException("open " + path + ": errno " + errno(st));
            }
            return fd;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("open " + path, t);
        }
    }

    /** EVIOCGRAB on/off; returns 0 or the errno (25 ENOTTY: not an input device; 16 EBUSY: grabbed by another). */
    static int grab(int fd, boolean on) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CALL_STATE);
            int r = (int) IOCTL.invokeExact(st, fd, EVIOCGRAB, on ? 1 : 0);
            return r == 0 ? 0 : errno(st);
        } catch (Throwable t) {
            throw new IllegalStateException("ioctl EVIOCGRAB", t);
        }
    }

    /** True if data (or EOF/error) is ready within {@code timeoutMs}. */
    static boolean poll(int fd, int timeoutMs) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CALL_STATE);
            MemorySegment pfd = a.allocate(8, 4);
            pfd.set(ValueLayout.JAVA_INT, 0, fd);
            pfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
            int r = (int) POLL.invokeExact(st, pfd, 1L, timeoutMs);
            if (r < 0) {
                int e = errno(st);
                if (e == 4) { // EINTR
                    return false;
                }
                throw new IOException("poll: errno " + e);
            }
            return r > 0;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("poll", t);
        }
    }

    /** Reads up to {@code len} bytes into {@code buf[off..]}; 0 at end of file; throws on error (unplugged: ENODEV). */
    static int read(int fd, byte[] buf, int off, int len) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CALL_STATE);
            MemorySegment seg = a.allocate(Math.max(1, len));
            long n = (long) READ.invokeExact(st, fd, seg, (long) len);
            if (n < 0) {
                throw new IOException("read: errno " + errno(st));
            }
            MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, 0, buf, off, (int) n);
            return (int) n;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("read", t);
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            // closing is best effort: the fd is gone either way
        }
    }

    private static int errno(MemorySegment st) {
        return (int) ERRNO.get(st, 0L);
    }
}
