package vn.motcua.appliance.web.lan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSession;

/**
 * An HTTP client on another host of the LAN: each request is curl run inside a {@link NetNamespace}, so the appliance
 * sees it come from the namespace's address, never from 127.x or its own. It takes the same {@link HttpRequest}s the
 * tests build for {@link HttpClient} and answers {@link HttpResponse}s, so a test moved into a namespace keeps its
 * requests and its assertions. Like an {@link HttpClient} without a cookie handler it keeps no cookies: a test sends
 * the ones it means to. The appliance's certificate is checked against {@code cacert} (the PEM the test's keystore
 * was made with), as a counter PC that accepted it would; redirects are not followed.
 */
public final class NamespaceCurl {
    private static final AtomicInteger CALLS = new AtomicInteger();
    private final NetNamespace ns;
    private final Path cacert;
    private final Path work;
    /** The namespace's address requests leave from, or null for the kernel's choice (its first). */
    private final String source;

    /** @param work a folder for the answers' heads and bodies */
    public NamespaceCurl(NetNamespace ns, Path cacert, Path work) throws IOException {
        this(ns, cacert, work, null);
    }

    private NamespaceCurl(NetNamespace ns, Path cacert, Path work, String source) throws IOException {
        this.ns = ns;
        this.cacert = cacert;
        this.work = Files.createDirectories(work);
        this.source = source;
    }

    /** The same client sending from {@code address}, one of the namespace's ({@link NetNamespace#inside}): another phone. */
    public NamespaceCurl from(String address) throws IOException {
        if (!ns.inside().contains(address)) {
            throw new IllegalArgumentException(address + " is not an address of the namespace: " + ns.inside());
        }
        return new NamespaceCurl(ns, cacert, work, address);
    }

    /** The request sent from inside the namespace; its whole answer. An {@link IOException} when curl got none. */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        int n = CALLS.incrementAndGet();
        Path head = work.resolve("head-" + n);
        Path body = work.resolve("body-" + n);
        List<String> cmd = curl(request, n);
        cmd.addAll(List.of("-D", head.toString(), "-o", body.toString(), request.uri().toString()));
        Process p = new ProcessBuilder(ns.command(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("curl " + request.method() + " " + request.uri() + " did not end in 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("curl " + request.method() + " " + request.uri() + " failed (" + p.exitValue() + "): " + out.strip());
        }
        Head h = Head.parse(Files.readString(head, StandardCharsets.ISO_8859_1));
        // decoded as HttpClient's ofString() does: a font or an image is replacement characters, not an error
        String text = Files.exists(body) ? new String(Files.readAllBytes(body), StandardCharsets.UTF_8) : "";
        Files.deleteIfExists(head);
        Files.deleteIfExists(body);
        return new Answer<>(h.status, h.headers, text, request);
    }

    /**
     * The request sent from inside the namespace with its body read as it comes (a live feed never ends): the head is
     * read first; closing the body ends curl.
     */
    public HttpResponse<InputStream> stream(HttpRequest request) throws IOException {
        List<String> cmd = curl(request, CALLS.incrementAndGet());
        cmd.addAll(List.of("-N", "-i", request.uri().toString()));
        Process p = new ProcessBuilder(ns.command(cmd)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        InputStream in = p.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        // the head ends at the first empty line (curl -i prints the answer's head, then its body)
        int last = -1;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            if (b == '\n' && last == '\n') {
                break;
            }
            if (b != '\r') {
                last = b;
            }
        }
        if (head.size() == 0) {
            p.destroyForcibly();
            throw new IOException("curl " + request.method() + " " + request.uri() + " got no answer");
        }
        Head h = Head.parse(head.toString(StandardCharsets.ISO_8859_1));
        InputStream body = new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                p.destroyForcibly();
                super.close();
            }
        };
        return new Answer<>(h.status, h.headers, body, request);
    }

    private List<String> curl(HttpRequest request, int n) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--cacert", cacert.toString(), "--max-time", "30",
                "-X", request.method(), "-H", "Expect:"));
        if (source != null) {
            cmd.addAll(List.of("--interface", source));
        }
        request.headers().map().forEach((name, values) -> values.forEach(v -> cmd.addAll(List.of("-H", name + ": " + v))));
        byte[] bytes = body(request);
        if (bytes.length > 0) {
            Path b = work.resolve("request-" + n);
            Files.write(b, bytes);
            cmd.addAll(List.of("--data-binary", "@" + b));
        }
        return cmd;
    }

    /** What the request's body publisher gives, collected. */
    private static byte[] body(HttpRequest request) throws IOException {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override public void onNext(ByteBuffer b) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }

            @Override public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the request's body could not be read", e);
        }
    }

    /** An answer's status line and headers as curl printed them (the last head, after any 100 Continue). */
    private record Head(int status, HttpHeaders headers) {
        static Head parse(String text) {
            String[] heads = text.replace("\r", "").strip().split("\n\n");
            String last = heads[heads.length - 1];
            String[] lines = last.split("\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    map.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                            k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
                }
            }
            return new Head(status, HttpHeaders.of(map, (a, b) -> true));
        }
    }

    private record Answer<T>(int statusCode, HttpHeaders headers, T body, HttpRequest request) implements HttpResponse<T> {
        @Override public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override public URI uri() {
            return request.uri();
        }

        @Override public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
