package vn.motcua.bus.modbus;

import vn.motcua.bus.codec.Crc16;

/**
 * The two Modbus RTU messages an LED number display needs: "write single register"
 * (function 06) and its answer, which is an echo of the request or an exception
 * (function | 0x80, one code byte). Pure byte functions; same CRC-16/MODBUS as the counter bus.
 * Hand-written: a Modbus library would bring masters, TCP and scheduling we do not need here.
 */
public final class ModbusRtu {
    static final int WRITE_SINGLE_REGISTER = 0x06;

    /** What came back. {@code exceptionCode} is set for EXCEPTION only. */
    public record Answer(Kind kind, int exceptionCode) {
        public enum Kind { OK, EXCEPTION, INCOMPLETE, BAD_CRC, MISMATCH }
    }

    private ModbusRtu() {}

    public static byte[] writeSingleRegister(int unit, int register, int value) {
        if (unit < 1 || unit > 247) {
            throw new IllegalArgumentException("Modbus unit id must be 1..247, was " + unit);
        }
        if (register < 0 || register > 0xFFFF || value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("register and value are 16-bit: " + register + ", " + value);
        }
        byte[] out = {(byte) unit, WRITE_SINGLE_REGISTER, (byte) (register >>> 8), (byte) register,
            (byte) (value >>> 8), (byte) value, 0, 0};
        int crc = Crc16.of(out, 0, 6);
        out[6] = (byte) crc;
        out[7] = (byte) (crc >>> 8);
        return out;
    }

    /** Reads the answer to {@code request} from {@code buf[0..n)}. */
    public static Answer answer(byte[] request, byte[] buf, int n) {
        if (n >= 2 && buf[0] == request[0] && (buf[1] & 0xFF) == (WRITE_SINGLE_REGISTER | 0x80)) {
            if (n < 5) {
                return new Answer(Answer.Kind.INCOMPLETE, 0);
            }
            return crcOk(buf, 5) ? new Answer(Answer.Kind.EXCEPTION, buf[2] & 0xFF) : new Answer(Answer.Kind.BAD_CRC, 0);
        }
        if (n < 8) {
            return new Answer(n >= 2 && (buf[0] != request[0] || buf[1] != request[1])
                    ? Answer.Kind.MISMATCH : Answer.Kind.INCOMPLETE, 0);
        }
        if (!crcOk(buf, 8)) {
            return new Answer(Answer.Kind.BAD_CRC, 0);
        }
        for (int i = 0; i < 8; i++) {
            if (buf[i] != request[i]) {
                return new Answer(Answer.Kind.MISMATCH, 0);
            }
        }
        return new Answer(Answer.Kind.OK, 0);
    }

    private static boolean crcOk(byte[] buf, int len) {
        int crc = Crc16.of(buf, 0, len - 2);
        return (buf[len - 2] & 0xFF) == (crc & 0xFF) && (buf[len - 1] & 0xFF) == crc >>> 8;
    }

    /** Words for the standard exception codes, for the board status a technician reads. */
    public static String exceptionName(int code) {
        return switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "device failure";
            case 6 -> "device busy";
            default -> "exception " + code;
        };
    }
}
