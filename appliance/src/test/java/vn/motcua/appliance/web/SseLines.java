package vn.motcua.appliance.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An open live feed stream read line by line on a thread of its own, so a test can wait for a line or for its end. */
final class SseLines implements AutoCloseable {
    private final InputStream in;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    SseLines(InputStream in) {
        this.in = in;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the server ended the stream: what the revocation test waits for
            } finally {
                ended.countDown();
            }
        });
    }

    /** The first line from now on that {@code wanted} accepts; fails after {@code limit}. Every line read is kept. */
    String await(Predicate<String> wanted, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no such line within " + limit + "; read: " + seen);
    }

    /** Whether the server ended the stream within {@code limit}. */
    boolean endsWithin(Duration limit) throws InterruptedException {
        return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every line read so far by {@link #await}. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() throws Exception {
        in.close();
    }
}
