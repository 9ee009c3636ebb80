package vn.motcua.appliance.devices.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * ESC/POS commands as pure byte functions (Epson TM-T20/T88 command set, which cheap 58/80 mm
 * printers clone). Written by hand rather than with escpos-coffee: that library has had no release
 * since 2021, cannot read status back, and the handful of commands a ticket needs are below.
 */
public final class EscPos {
    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;

    /** Largest raster band sent in one GS v 0: some clones lose data on bands taller than this. */
    public static final int MAX_BAND_ROWS = 255;

    private EscPos() {}

    /** ESC @: reset modes (not the buffer); every job starts with it so a previous job's modes do not leak. */
    public static byte[] initialize() {
        return new byte[] {ESC, '@'};
    }

    /** ESC a n: 0 left, 1 centre, 2 right. */
    public static byte[] align(int n) {
        if (n < 0 || n > 2) {
            throw new IllegalArgumentException("align " + n);
        }
        return new byte[] {ESC, 'a', (byte) n};
    }

    /** ESC d n: print and feed n lines. */
    public static byte[] feedLines(int n) {
        if (n < 0 || n > 255) {
            throw new IllegalArgumentException("feed " + n);
        }
        return new byte[] {ESC, 'd', (byte) n};
    }

    /** GS V 66 n: feed n dots then cut; {@code full} selects full cut (65) over partial (66). */
    public static byte[] feedAndCut(boolean full, int dots) {
        if (dots < 0 || dots > 255) {
            throw new IllegalArgumentException("cut feed " + dots);
        }
        return new byte[] {GS, 'V', (byte) (full ? 65 : 66), (byte) dots};
    }

    /** DLE EOT n: real-time status request, n = 1 printer, 2 offline cause, 3 error cause, 4 paper. */
    public static byte[] statusRequest(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("DLE EOT " + n);
        }
        return new byte[] {DLE, EOT, (byte) n};
    }

    /** Plain ASCII text line (only for ASCII: Vietnamese goes through the raster path). */
    public static byte[] asciiLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("not printable ASCII at " + i);
            }
        }
        byte[] b = (text + "\n").getBytes(StandardCharsets.US_ASCII);
        return b;
    }

    /**
     * GS v 0 m xL xH yL yH d1..dk: one raster band, normal density. {@code widthBytes} bytes per row,
     * MSB is the leftmost dot, 1 = black.
     */
    public static byte[] rasterBand(byte[] rows, int widthBytes, int height) {
        if (widthBytes <= 0 || widthBytes > 0xFFFF || height <= 0 || height > 0xFFFF
                || rows.length != widthBytes * height) {
            throw new IllegalArgumentException("raster " + widthBytes + "x" + height + " with " + rows.length + " bytes");
        }
        byte[] out = new byte[8 + rows.length];
        out[0] = GS;
        out[1] = 'v';
        out[2] = '0';
        out[3] = 0; // m = 0: normal width and height
        out[4] = (byte) (widthBytes & 0xFF);
        out[5] = (byte) (widthBytes >> 8);
        out[6] = (byte) (height & 0xFF);
        out[7] = (byte) (height >> 8);
        System.arraycopy(rows, 0, out, 8, rows.length);
        return out;
    }

    /**
     * Native QR (GS ( k, function 165/167/169/180/181): model 2, module size, error level M, store, print.
     * Used when the template asks for it; the default draws the QR into the raster, which every clone prints.
     */
    public static byte[] nativeQr(String data, int moduleDots) {
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        if (payload.length == 0 || payload.length > 7089) {
            throw new IllegalArgumentException("QR payload length " + payload.length);
        }
        if (moduleDots < 1 || moduleDots > 16) {
            throw new IllegalArgumentException("QR module " + moduleDots);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(payload.length + 32);
        b.writeBytes(new byte[] {GS, '(', 'k', 4, 0, '1', 'A', '2', 0});           // fn 165: model 2
        b.writeBytes(new byte[] {GS, '(', 'k', 3, 0, '1', 'C', (byte) moduleDots}); // fn 167: module size
        b.writeBytes(new byte[] {GS, '(', 'k', 3, 0, '1', 'E', '1'});               // fn 169: level M
        int len = payload.length + 3;
        b.writeBytes(new byte[] {GS, '(', 'k', (byte) (len & 0xFF), (byte) (len >> 8), '1', 'P', '0'}); // fn 180
        b.writeBytes(payload);
        b.writeBytes(new byte[] {GS, '(', 'k', 3, 0, '1', 'Q', '0'});               // fn 181: print
        return b.toByteArray();
    }
}
