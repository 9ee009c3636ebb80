package vn.motcua.appliance.devices.reader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drops the same code seen again within a window (a resident holding the card under the reader
 * makes it fire several times). Remembers a SHA-256 of the text, never the text, and at most
 * {@value #MAX_ENTRIES} recent codes.
 */
public final class DuplicateFilter {
    static final int MAX_ENTRIES = 256;
    private final long windowNanos;
    private final Map<String, Long> seen = new LinkedHashMap<>();

    public DuplicateFilter(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** True the first time within the window; false for a repeat. */
    public synchronized boolean firstSeen(String code, long nowNanos) {
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (nowNanos - it.next() >= windowNanos) it.remove(); else break;
        }
        String h = digest(code);
        if (seen.containsKey(h)) {
            return false;
        }
        if (seen.size() >= MAX_ENTRIES) {
            seen.remove(seen.keySet().iterator().next());
        }
        seen.put(h, nowNanos);
        return true;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
