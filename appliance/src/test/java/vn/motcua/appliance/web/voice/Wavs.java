package vn.motcua.appliance.web.voice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** The voice tests' WAV files: clips written in the clips' format, and the samples of an answer read back. */
final class Wavs {
    private Wavs() {}

    /** The samples of a whole WAV, without its header. */
    static byte[] samples(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            return in.readAllBytes();
        }
    }

    /** Writes {@code samples} as a clip file in {@link VoiceClips#FORMAT}. */
    static void write(Path file, byte[] samples) throws IOException {
        Files.createDirectories(file.getParent());
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), VoiceClips.FORMAT,
                samples.length / VoiceClips.FORMAT.getFrameSize())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
