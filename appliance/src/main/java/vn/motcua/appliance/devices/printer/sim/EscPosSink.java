package vn.motcua.appliance.devices.printer.sim;

/** What {@link EscPosStreamParser} found in the byte stream, in order. */
public interface EscPosSink {
    void initialize();

    /** One text line (bytes before LF, decoded as code page 437 like a factory-default printer). */
    void textLine(String line);

    /** One GS v 0 band: {@code widthBytes} bytes per row, MSB leftmost, 1 = black. */
    void raster(int widthBytes, int height, byte[] data);

    /** GS ( k fn 181 printed the QR stored by fn 180. */
    void qr(String data, int moduleDots);

    void feedLines(int n);

    void cut(boolean full);

    /** DLE EOT n: answer now (real-time, even while the printer is offline). */
    void statusRequest(int n);

    /** A byte or command the simulator does not know; skipped. */
    void unknown(int b);
}
