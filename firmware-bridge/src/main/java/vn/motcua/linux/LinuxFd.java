package vn.motcua.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The few libc calls on a device file that Java's own file API cannot make, through {@link Libc}: open with
 * flags, ioctl (the evdev reader's EVIOCGRAB, the RS-485 check's TIOCGRS485), poll with a timeout (usblp has no
 * read or write timeout otherwise, and a read loop must be able to stop), read, write and close, all on the same
 * file descriptor. Linux only; the flag values are those of Linux on arm64 and x86-64.
 */
public final class LinuxFd {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_NOCTTY = 0x100;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;
    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    public static final int EINVAL = 22;

    private LinuxFd() {}

    /** A failed call, with the errno it set. */
    public static final class ErrnoException extends IOException {
        private final int errno;

        ErrnoException(String call, int errno) {
            super(call + ": errno " + errno);
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    /** Opens {@code path} with {@code flags} ({@link #O_CLOEXEC} is always added); throws with the errno. */
    public static int open(String path, int flags) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.callState(a);
            int fd = (int) Libc.OPEN.invokeExact(st, a.allocateFrom(path), flags | O_CLOEXEC, 0);
            if (fd < 0) {
                throw new ErrnoException("open " + path, errno(st));
            }
            return fd;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("open " + path, t);
        }
    }

    /** An ioctl taking an int argument; returns 0 or the errno (25 ENOTTY: the device does not know the request). */
    public static int ioctl(int fd, long request, int arg) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.callState(a);
            int r = (int) Libc.IOCTL_INT.invokeExact(st, fd, request, arg);
            return r == 0 ? 0 : errno(st);
        } catch (Throwable t) {
            throw new IllegalStateException("ioctl " + Long.toHexString(request), t);
        }
    }

    /** True if {@code events} (or an error or hang-up, which the next read or write reports) are ready within {@code timeoutMs}. */
    public static boolean poll(int fd, short events, int timeoutMs) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.callState(a);
            MemorySegment pfd = a.allocate(8, 4);
            pfd.set(ValueLayout.JAVA_INT, 0, fd);
            pfd.set(ValueLayout.JAVA_SHORT, 4, events);
            int r = (int) Libc.POLL.invokeExact(st, pfd, 1L, timeoutMs);
            if (r < 0) {
                int e = errno(st);
                if (e == EINTR) {
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

    /** Same as {@link #poll(int, short, int)} for reading. */
    public static boolean poll(int fd, int timeoutMs) throws IOException {
        return poll(fd, POLLIN, timeoutMs);
    }

    /**
     * Reads up to {@code len} bytes into {@code buf[off..]}: the count, 0 at end of file, -1 when a
     * non-blocking fd has nothing now; throws on an error (unplugged: ENODEV; a one-way usblp printer: EINVAL).
     */
    public static int read(int fd, byte[] buf, int off, int len) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.callState(a);
            MemorySegment seg = a.allocate(Math.max(1, len));
            long n = (long) Libc.READ.invokeExact(st, fd, seg, (long) len);
            if (n < 0) {
                int e = errno(st);
                if (e == EAGAIN || e == EINTR) {
                    return -1;
                }
                throw new ErrnoException("read", e);
            }
            MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, 0, buf, off, (int) n);
            return (int) n;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("read", t);
        }
    }

    /** Writes up to {@code len} bytes of {@code buf[off..]}: the count, or -1 when a non-blocking fd cannot take any now; throws on an error. */
    public static int write(int fd, byte[] buf, int off, int len) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.callState(a);
            MemorySegment seg = a.allocate(Math.max(1, len));
            MemorySegment.copy(buf, off, seg, ValueLayout.JAVA_BYTE, 0, len);
            long n = (long) Libc.WRITE.invokeExact(st, fd, seg, (long) len);
            if (n < 0) {
                int e = errno(st);
                if (e == EAGAIN || e == EINTR) {
                    return -1;
                }
                throw new ErrnoException("write", e);
            }
            return (int) n;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("write", t);
        }
    }

    /**
     * An ioctl taking a pointer to a struct of {@code struct.length} bytes, which the kernel reads and may fill:
     * returns 0 (and the struct as the kernel left it) or the errno (25 ENOTTY: the device does not know the request).
     */
    public static int ioctl(int fd, long request, byte[] struct) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Libc.callState(a);
            MemorySegment seg = a.allocateFrom(ValueLayout.JAVA_BYTE, struct);
            int r = (int) Libc.IOCTL_POINTER.invokeExact(st, fd, request, seg);
            if (r != 0) {
                return errno(st);
            }
            MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, 0, struct, 0, struct.length);
            return 0;
        } catch (Throwable t) {
            throw new IllegalStateException("ioctl " + Long.toHexString(request), t);
        }
    }

    public static void close(int fd) {
        Libc.close(fd);
    }

    private static int errno(MemorySegment st) {
        return Libc.errno(st);
    }
}
