package vn.motcua.appliance.web.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An office's own recordings replace the generated clips; one in the wrong format is refused, not played. */
class VoiceClipsTest {
    @TempDir
    Path dir;

    private static void wav(Path file, AudioFormat f, byte[] samples) throws IOException {
        Files.createDirectories(file.getParent());
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), f, samples.length / f.getFrameSize())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    @Test
    void theOfficesRecordingsAreJoinedInOrderAndABadOneIsRefused() throws Exception {
        byte[] ding = {1, 0, 2, 0, 3, 0, 4, 0};
        byte[] moi = {9, 9, 8, 8};
        byte[] generatedNam = {5, 5, 5, 5, 5, 5};
        wav(dir.resolve("custom/chime.wav"), VoiceClips.FORMAT, ding);
        wav(dir.resolve("custom/vi-moi-so.wav"), VoiceClips.FORMAT, moi);
        wav(dir.resolve("custom/vi-5.wav"), new AudioFormat(8000f, 16, 1, true, false), new byte[] {7, 7});
        wav(dir.resolve("generated/vi-5.wav"), VoiceClips.FORMAT, generatedNam);
        Files.writeString(dir.resolve("custom/vi-6.wav"), "not a wav file");

        VoiceClips clips = new VoiceClips(dir, "/nonexistent/espeak-ng");
        byte[] joined = clips.assemble(List.of("chime", "vi-moi-so", "vi-5"));
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(joined))) {
            assertEquals(true, in.getFormat().matches(VoiceClips.FORMAT));
            assertArrayEquals(new byte[] {1, 0, 2, 0, 3, 0, 4, 0, 9, 9, 8, 8, 5, 5, 5, 5, 5, 5}, in.readAllBytes());
        }
        assertEquals(1, clips.refusedCount(), "the 8 kHz recording of vi-5 was refused");
        assertThrows(IOException.class, () -> clips.samples("vi-6"), "a broken file and no generated clip: no sound");
        assertEquals(2, clips.refusedCount());
        assertThrows(IllegalArgumentException.class, () -> clips.samples("../../etc/passwd"));
    }
}
