package vn.motcua.appliance.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;

/**
 * One page or asset from the jar's {@code web/} folder, loaded into memory at start: the route table holds one
 * per path. The set is fixed and small (about 1.2 MB, mostly the font), so this replaces Jetty's ResourceHandler
 * and its file-system and range logic: nothing is read from disk at request time, and a missing asset fails the
 * start rather than a page. ETags let a kiosk that reloads revalidate instead of downloading again. A page may
 * hold {@code <!-- include parts/x.html -->}, replaced at load by that file (the staff pages share their login form).
 */
public final class Asset extends Handler.Abstract implements vn.motcua.appliance.web.PageHandler {
    private static final Pattern INCLUDE = Pattern.compile("<!-- include (parts/[a-z-]{1,40}\\.html) -->\n?");
    /** A page's links to scripts and styles, a style sheet's to fonts. */
    private static final Pattern LINKED = Pattern.compile("(?:href=|src=|url\\()\"(/(?:assets|fonts)/[^\"]+)\"");

    private final byte[] bytes;
    private final String type;
    private final String etag;
    private final boolean immutableFont;

    private Asset(byte[] bytes, String type, String etag, boolean immutableFont) {
        this.bytes = bytes;
        this.type = type;
        this.etag = etag;
        this.immutableFont = immutableFont;
    }

    /** {@code file} under {@code web/} in the jar; a missing or unreadable one stops the start. */
    public static Asset load(String file) {
        byte[] bytes = file.endsWith(".html") ? withIncludes(read(file)) : read(file);
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            String etag = "\"" + HexFormat.of().formatHex(sha, 0, 8) + "\"";
            return new Asset(bytes, type(file), etag, file.endsWith(".ttf"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash web asset web/" + file, e);
        }
    }

    @Override
    public boolean isPage() {
        return type.startsWith("text/html");
    }

    /** The assets and fonts a page or style sheet links: the route table checks each is served where it is. */
    public List<String> linked() {
        if (!type.startsWith("text/html") && !type.startsWith("text/css")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = LINKED.matcher(new String(bytes, StandardCharsets.UTF_8));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            ErrorCatalogue.METHOD.errorWithDetail("use GET or HEAD").send(new Exchange(request, response, callback, 0));
            return true;
        }
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, immutableFont ? "public, max-age=86400" : "no-cache");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (type.startsWith("text/html")) {
            // Pages load only their own scripts, styles, fonts and images: no CDN, nothing injected. Sound may also
            // play from a blob: only the page's own scripts make one (the kiosk's guidance, fetched first so that a
            // guidance not yet made is said on screen rather than failing in silence).
            response.getHeaders().put("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; frame-ancestors 'none'");
            response.getHeaders().put("Referrer-Policy", "no-referrer");
        }
        if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            callback.succeeded();
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
        return true;
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
        try (InputStream in = Asset.class.getResourceAsStream("/web/" + file)) {
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
