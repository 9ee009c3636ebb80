package vn.motcua.appliance.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every request body whole, asynchronously, before the handlers see the request: they then read it from
 * memory and never block a thread on a client. Issue 21: {@link Exchange#body()} read with a blocking read on a
 * shared thread, and 14 clients sending a byte every 5 s (which keeps the idle timeout from firing) held every
 * thread, so the kiosk's ticket never came. A body must arrive whole within {@link #DEADLINE_SECONDS}; a client
 * too slow gets a 408 and its connection closed, and is counted. At most {@code limit} bytes are kept; the rest of
 * a longer body, up to {@link Exchange#DRAIN_LIMIT}, is read and dropped so the handler's 413 reaches the client.
 */
final class WholeBodyFirst extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(WholeBodyFirst.class);
    /** A kiosk's or a clerk's body (a few hundred bytes) arrives in milliseconds; a LAN at its worst in a second. */
    static final long DEADLINE_SECONDS = 10;

    private final int limit;
    private final WebCounters counters;
    /** Connections with a body being read: {@link SlowHeadCutter} leaves them to this deadline. */
    private final Set<Connection> loading = ConcurrentHashMap.newKeySet();

    WholeBodyFirst(int limit, WebCounters counters, Handler next) {
        super(next);
        this.limit = limit;
        this.counters = counters;
    }

    boolean loadingBody(Connection c) {
        return loading.contains(c);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean body = declared > 0 || declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!body || declared > (long) limit + Exchange.DRAIN_LIMIT) {
            // no body; or one so large the handler refuses it unread (and the client gets a reset, not our time)
            return super.handle(request, response, callback);
        }
        new Loader(request, response, callback).read();
        return true;
    }

    /** One body being read; each step runs when Jetty has content for it, on whatever thread delivered it. */
    private final class Loader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final AtomicBoolean over = new AtomicBoolean();
        private final Scheduler.Task timer;
        private final Connection connection;
        private long dropped;

        Loader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.connection = request.getConnectionMetaData().getConnection();
            loading.add(connection);
            this.timer = request.getComponents().getScheduler().schedule(this::tooSlow, DEADLINE_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void run() {
            read();
        }

        void read() {
            while (!over.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    finish();
                    chunk.release();
                    if (over.compareAndSet(false, true)) {
                        answer(ErrorCatalogue.BAD_BODY.error());
                    }
                    return;
                }
                keep(chunk.getByteBuffer());
                boolean last = chunk.isLast();
                chunk.release();
                if (last || dropped > Exchange.DRAIN_LIMIT) {
                    if (over.compareAndSet(false, true)) {
                        finish();
                        handleNext();
                    }
                    return;
                }
            }
        }

        private void keep(ByteBuffer b) {
            int room = limit + 1 - kept.size();
            int n = b.remaining();
            if (room > 0) {
                byte[] bytes = new byte[Math.min(room, n)];
                b.get(bytes);
                kept.writeBytes(bytes);
            }
            dropped += b.remaining();
            b.position(b.limit());
        }

        private void finish() {
            timer.cancel();
            loading.remove(connection);
        }

        private void tooSlow() {
            if (over.compareAndSet(false, true)) {
                loading.remove(connection);
                counters.slowBodiesCut.incrementAndGet();
                log.info("Request body too slow from {}: {} bytes in {} s, cut off",
                        request.getConnectionMetaData().getRemoteSocketAddress(), kept.size() + dropped, DEADLINE_SECONDS);
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                answer(ErrorCatalogue.TOO_SLOW.error());
            }
        }

        private void answer(HttpError e) {
            e.send(new Exchange(request, response, callback, 0));
        }

        private void handleNext() {
            Request whole = new BufferedBody(request, kept.toByteArray());
            try {
                if (!WholeBodyFirst.super.handle(whole, response, callback)) {
                    answer(ErrorCatalogue.NOT_FOUND.errorWithDetail("no such endpoint"));
                }
            } catch (Throwable x) {
                callback.failed(x);
            }
        }
    }

    /** The request with its body already in memory: every read returns at once. */
    private static final class BufferedBody extends Request.Wrapper {
        private Content.Chunk next;

        BufferedBody(Request request, byte[] body) {
            super(request);
            this.next = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk c = next;
            next = Content.Chunk.EOF;
            return c;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
