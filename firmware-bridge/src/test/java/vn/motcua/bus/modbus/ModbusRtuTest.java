package vn.motcua.bus.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Modbus RTU "write single register" and its answers, byte for byte. */
class ModbusRtuTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void writeSingleRegisterMatchesTheSpecificationExample() {
        // Modbus application protocol spec example: unit 1, register 1, value 3.
        byte[] expected = bytes(
                0x01,       // unit id
                0x06,       // write single register
                0x00, 0x01, // register address
                0x00, 0x03, // value
                0x98, 0x0B);// CRC-16/MODBUS, low byte first
        assertArrayEquals(expected, ModbusRtu.writeSingleRegister(1, 1, 3));
        // Ticket 023 at the display with unit id 5, number register 0.
        assertArrayEquals(bytes(0x05, 0x06, 0x00, 0x00, 0x00, 0x17, 0xC8, 0x40), ModbusRtu.writeSingleRegister(5, 0, 23));
    }

    @Test
    void answersAreReadStrictly() {
        byte[] request = ModbusRtu.writeSingleRegister(1, 1, 3);
        assertEquals(ModbusRtu.Answer.Kind.OK, ModbusRtu.answer(request, request.clone(), 8).kind());
        assertEquals(ModbusRtu.Answer.Kind.INCOMPLETE, ModbusRtu.answer(request, request.clone(), 5).kind());
        byte[] exception = bytes(0x01, 0x86, 0x02, 0xC3, 0xA1); // illegal data address
        ModbusRtu.Answer a = ModbusRtu.answer(request, exception, 5);
        assertEquals(ModbusRtu.Answer.Kind.EXCEPTION, a.kind());
        assertEquals("illegal data address", ModbusRtu.exceptionName(a.exceptionCode()));
        byte[] corrupted = request.clone();
        corrupted[5] ^= 0x01;
        assertEquals(ModbusRtu.Answer.Kind.BAD_CRC, ModbusRtu.answer(request, corrupted, 8).kind());
        byte[] otherValue = ModbusRtu.writeSingleRegister(1, 1, 4);
        assertEquals(ModbusRtu.Answer.Kind.MISMATCH, ModbusRtu.answer(request, otherValue, 8).kind());
        assertThrows(IllegalArgumentException.class, () -> ModbusRtu.writeSingleRegister(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ModbusRtu.writeSingleRegister(1, 0, 70000));
    }
}
