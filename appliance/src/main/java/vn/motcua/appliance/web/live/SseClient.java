package vn.motcua.appliance.web.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One open {@code /events} stream. Frames are queued and written one at a time with Jetty's non-blocking
 * write, so whoever offers a frame (the command thread, the scheduler) never waits for the network. The queue
 * is bounded: a client that cannot keep up is dropped, and its EventSource reconnects and gets a fresh snapshot,
 * which is cheaper and safer than letting a stuck screen hold memory or slow a clerk's call.
 */
final class SseClient {
    static final int MAX_FRAMES = 64;
    static final int MAX_BYTES = 256 * 1024;

    private final long id;
    private final Viewer viewer;
    private final Response response;
    private final Callback done;
    private final Runnable onClose;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private int pendingBytes;
    private boolean writing;
    private boolean closed;

    SseClient(long id, Viewer viewer, Response response, Callback done, Runnable onClose) {
        this.id = id;
        this.viewer = viewer;
        this.response = response;
        this.done = done;
        this.onClose = onClose;
    }

    long id() {
        return id;
    }

    /** Who opened it: everything, or a paired screen's scope. */
    Viewer viewer() {
        return viewer;
    }

    /** Queues a frame; false when the client is gone or was just dropped for being too slow. */
    synchronized boolean offer(String frame) {
        if (closed) {
            return false;
        }
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        if (pending.size() >= MAX_FRAMES || pendingBytes + bytes.length > MAX_BYTES) {
            closeLocked(new IllegalStateException("client too slow: " + pending.size() + " frames queued"));
            return false;
        }
        pending.add(bytes);
        pendingBytes += bytes.length;
        if (!writing) {
            writeNext();
        }
        return true;
    }

    synchronized int queued() {
        return pending.size();
    }

    private void writeNext() {
        byte[] next = pending.poll();
        if (next == null || closed) {
            writing = false;
            return;
        }
        pendingBytes -= next.length;
        writing = true;
        response.write(false, ByteBuffer.wrap(next), Callback.from(this::written, this::failed));
    }

    private synchronized void written() {
        writing = false;
        writeNext();
    }

    private synchronized void failed(Throwable cause) {
        closeLocked(cause);
    }

    synchronized void close() {
        closeLocked(new IllegalStateException("closed by the server"));
    }

    private void closeLocked(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        pendingBytes = 0;
        onClose.run();
        done.failed(cause);
    }
}
