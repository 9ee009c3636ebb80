package vn.motcua.appliance.devices.printer.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Incremental ESC/POS parser for the simulated printer: bytes arrive in any split, complete commands
 * go to the sink, an incomplete one waits for more. Bounded: a raster announcing more than
 * {@link #MAX_COMMAND} bytes is refused (its header dropped, parsing goes on), so a corrupt length
 * cannot exhaust memory.
 */
public final class EscPosStreamParser {
    static final int MAX_COMMAND = 2 * 1024 * 1024;
    static final int MAX_TEXT_LINE = 1024;
    private static final Charset CP437 = Charset.forName("IBM437");

    private final EscPosSink sink;
    private byte[] buf = new byte[4096];
    private int len;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private String storedQr = "";
    private int qrModule = 3;

    public EscPosStreamParser(EscPosSink sink) {
        this.sink = sink;
    }

    public void feed(byte[] data, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(MAX_COMMAND + 16, buf.length * 2));
            }
            buf[len++] = data[off + i];
            int used = parse();
            if (used > 0) {
                len = 0;
            }
        }
    }

    /** Tries to parse one command from buf[0..len); returns bytes used, 0 if incomplete. */
    private int parse() {
        int b0 = buf[0] & 0xFF;
        switch (b0) {
            case 0x0A -> { flushText(); return 1; }
            case 0x0D -> { return 1; }
            case 0x10 -> { return need(3) ? status() : 0; }
            case 0x1B -> { return len < 2 ? 0 : esc(); }
            case 0x1D -> { return len < 2 ? 0 : gs(); }
            default -> {
                if (b0 >= 0x20) {
                    text.write(b0);
                    if (text.size() >= MAX_TEXT_LINE) {
                        flushText();
                    }
                } else {
                    sink.unknown(b0);
                }
                return 1;
            }
        }
    }

    private int status() {
        if (buf[1] == 0x04) {
            sink.statusRequest(buf[2] & 0xFF);
        } else {
            sink.unknown(0x10);
        }
        return 3;
    }

    private int esc() {
        int c = buf[1] & 0xFF;
        switch (c) {
            case '@' -> { flushText(); sink.initialize(); return 2; }
            case 'd' -> {
                if (!need(3)) return 0;
                flushText();
                sink.feedLines(buf[2] & 0xFF);
                return 3;
            }
            case 'a', 'E', '!', '-', 'M', 't', 'J', '3', 'G', 'R', 'r' -> { return need(3) ? 3 : 0; }
            case '2' -> { return 2; }
            default -> { sink.unknown(0x1B); return 2; }
        }
    }

    private int gs() {
        int c = buf[1] & 0xFF;
        switch (c) {
            case 'V' -> {
                if (!need(3)) return 0;
                int m = buf[2] & 0xFF;
                if (m == 65 || m == 66) {
                    if (!need(4)) return 0;
                    flushText();
                    sink.cut(m == 65);
                    return 4;
                }
                flushText();
                sink.cut(m == 0 || m == 48);
                return 3;
            }
            case 'v' -> { return raster(); }
            case '(' -> { return function(); }
            case '!', 'B', 'h', 'w', 'H', 'f', 'L' -> { return need(3) ? 3 : 0; }
            default -> { sink.unknown(0x1D); return 2; }
        }
    }

    private int raster() {
        if (!need(8)) return 0;
        int wb = u16(4);
        int h = u16(6);
        long total = 8L + (long) wb * h;
        if (total > MAX_COMMAND) {
            // a corrupt or hostile length: drop the header only and parse on, rather than swallow gigabytes
            sink.unknown(0x1D);
            return 8;
        }
        if (len < total) return 0;
        flushText();
        sink.raster(wb, h, Arrays.copyOfRange(buf, 8, (int) total));
        return (int) total;
    }

    /** GS ( k pL pH cn fn [params]: only the QR (cn = '1') functions matter here. */
    private int function() {
        if (!need(5)) return 0;
        int p = u16(3);
        int total = 5 + p;
        if (!need(total)) return 0;
        if ((buf[2] & 0xFF) == 'k' && p >= 2 && buf[5] == '1') {
            int fn = buf[6] & 0xFF;
            if (fn == 'C' && p >= 3) {
                qrModule = buf[7] & 0xFF;
            } else if (fn == 'P' && p >= 3) {
                storedQr = new String(buf, 8, p - 3, StandardCharsets.UTF_8);
            } else if (fn == 'Q') {
                flushText();
                sink.qr(storedQr, qrModule);
            }
        }
        return total;
    }

    private void flushText() {
        if (text.size() > 0) {
            sink.textLine(text.toString(CP437));
            text.reset();
        }
    }

    private boolean need(int n) {
        return len >= n;
    }

    private int u16(int at) {
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8;
    }
}
