package vn.motcua.bus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.motcua.bus.Key;

/** The shared vectors (firmware-bridge/vectors/frames.txt) that the C tests run too. */
class FrameVectorsTest {
    private static final Path VECTORS = Path.of("vectors/frames.txt");

    @TestFactory
    Stream<DynamicTest> sharedVectors() throws IOException {
        List<String> lines = Files.readAllLines(VECTORS).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(lines.size() >= 25, "vectors file looks truncated");
        return lines.stream().map(line -> {
            String[] parts = line.split("\\|", -1);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = parts[i].trim();
            }
            return switch (parts[0]) {
                case "crc" -> DynamicTest.dynamicTest("crc " + parts[1], () -> {
                    byte[] in = hex(parts[1]);
                    assertEquals(Integer.parseInt(parts[2], 16), Crc16.of(in, 0, in.length));
                });
                case "decode" -> DynamicTest.dynamicTest(parts[1], () -> checkDecode(hex(parts[2]), parts[3]));
                case "key" -> DynamicTest.dynamicTest("key " + parts[1], () ->
                        assertEquals(Key.valueOf(parts[1]), Key.ofCode(Integer.parseInt(parts[2], 16)).orElseThrow()));
                default -> throw new IllegalStateException("bad vector line: " + line);
            };
        });
    }

    /** Both ways, like the C runner: every key of the enum has its vector, and no vector names a key twice. */
    @Test
    void everyKeyHasItsVector() throws IOException {
        Set<Key> listed = EnumSet.noneOf(Key.class);
        for (String l : Files.readAllLines(VECTORS)) {
            if (l.startsWith("key ")) {
                assertTrue(listed.add(Key.valueOf(l.split("\\|")[1].trim())), l);
            }
        }
        assertEquals(EnumSet.allOf(Key.class), listed);
    }

    private static void checkDecode(byte[] wire, String expected) {
        assertEquals(expected, String.join(" ", tokens(wire)));
        // The streaming parser, fed byte by byte, finds exactly the same frames.
        List<String> frames = new ArrayList<>();
        FrameParser p = new FrameParser();
        for (byte b : wire) {
            p.feed(new byte[] {b}, 0, 1, f -> frames.add(f.toString()));
        }
        assertEquals(Stream.of(expected.split(" ")).filter(t -> t.startsWith("F:")).toList(), frames);
        if (!expected.contains(" ") && expected.startsWith("F:")) {
            assertArrayEquals(wire, FrameCodec.encode(FrameCodec.decode(wire, 0, wire.length).frame()));
        }
    }

    private static List<String> tokens(byte[] wire) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < wire.length) {
            DecodeStep s = FrameCodec.decode(wire, i, wire.length - i);
            switch (s.kind()) {
                case NEED_MORE -> {
                    out.add("PARTIAL:" + (wire.length - i));
                    return out;
                }
                case FRAME -> out.add(s.frame().toString());
                case NOISE -> out.add("NOISE:" + s.used());
                case BAD_ADDRESS -> out.add("ADDR");
                case BAD_LENGTH -> out.add("LEN");
                case BAD_CRC -> out.add("CRC");
            }
            i += s.used();
        }
        return out;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }
}
