package vn.motcua.bus.codec;

/**
 * CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF); check value 0x4B37 for "123456789".
 * Hand-written: eight lines, and the JDK has only CRC-32 variants.
 */
public final class Crc16 {
    private Crc16() {}

    public static int of(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
