package vn.motcua.appliance.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The pages and their assets, from the jar's {@code web/} folder, loaded into memory once at start. The set
 * is fixed and small (about 1.2 MB, mostly the font), so a map lookup replaces Jetty's ResourceHandler and
 * its file-system and range logic: nothing is read from disk at request time, and a missing asset fails the
 * start rather than a page. ETags let a kiosk that reloads revalidate instead of downloading again. A page may
 * hold {@code <!-- include parts/x.html -->}, replaced at load by that file (the staff pages share their login form).
 */
public final class Assets extends Handler.Abstract {
    /** Route -> resource under web/. */
    static final Map<String, String> PAGES = Map.of(
            "/display", "display.html", "/kiosk", "kiosk.html", "/counter", "counter.html", "/manager", "manager.html");
    static final List<String> FILES = List.of("assets/common.css", "assets/display.css", "assets/display.js",
            "assets/kiosk.css", "assets/counter.css", "assets/kiosk.js", "assets/staff.js", "assets/counter.js", "assets/live.js", "assets/manager.js", "assets/manager-staff.js", "assets/manager-staff.css",
            "assets/faults.js", "fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf", "fonts/OFL.txt");

    private static final Pattern INCLUDE = Pattern.compile("<!-- include (parts/[a-z-]{1,40}\\.html) -->\n?");

    private record Asset(byte[] bytes, String type, String etag, boolean immutableFont) {}

    private final Map<String, Asset> byPath = new LinkedHashMap<>();

    public Assets() {
        PAGES.forEach((route, file) -> byPath.put(route, load(file)));
        FILES.forEach(f -> byPath.put("/" + f, load(f)));
        PAGES.forEach((route, file) -> requireLinkedAssets(file, byPath.get(route)));
    }

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:assets|fonts)/[^\"]+)\"");

    /** A page that links a file not listed in {@link #FILES} fails the start, not a resident's screen. */
    private void requireLinkedAssets(String page, Asset html) {
        Matcher m = LINKED.matcher(new String(html.bytes, StandardCharsets.UTF_8));
        while (m.find()) {
            if (!byPath.containsKey(m.group(1))) {
                throw new IllegalStateException(page + " links " + m.group(1) + ", which is not in Assets.FILES");
            }
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Asset a = byPath.get(Request.getPathInContext(request));
        if (a == null) {
            return false;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setStatus(405);
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.ETAG, a.etag);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, a.immutableFont ? "public, max-age=86400" : "no-cache");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (a.type.startsWith("text/html")) {
            // Pages load only their own scripts, styles, fonts and images: no CDN, nothing injected.
            response.getHeaders().put("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; media-src 'self'; frame-ancestors 'none'");
            response.getHeaders().put("Referrer-Policy", "no-referrer");
        }
        if (a.etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            callback.succeeded();
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, a.bytes.length);
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(a.bytes), callback);
        return true;
    }

    /** Bytes sent for a route, for the page-weight figures. */
    public int size(String path) {
        Asset a = byPath.get(path);
        return a == null ? -1 : a.bytes.length;
    }

    private static Asset load(String file) {
        byte[] bytes = file.endsWith(".html") ? withIncludes(read(file)) : read(file);
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            String etag = "\"" + HexFormat.of().formatHex(sha, 0, 8) + "\"";
            return new Asset(bytes, type(file), etag, file.endsWith(".ttf"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash web asset web/" + file, e);
        }
    }

    private static byte[] withIncludes(byte[] page) {
        Matcher m = INCLUDE.matcher(new String(page, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(new String(read(m.group(1)), StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(String file) {
        try (InputStream in = Assets.class.getResourceAsStream("/web/" + file)) {
            if (in == null) {
                throw new IllegalStateException("web asset missing from the jar: web/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read web asset web/" + file, e);
        }
    }

    private static String type(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "ttf" -> "font/ttf";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }
}
