package vn.motcua.appliance.web.voice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The word clips of the spoken call and their joining into one WAV per call. Clips come from
 * {@code <voice>/custom/<name>.wav} (an office's own recordings) if present, else from
 * {@code <voice>/generated/<name>.wav}, which {@link #generateMissing()} makes once with espeak-ng so the
 * announcements work offline. Every clip must be {@link #FORMAT} (what espeak-ng writes); one that is not is
 * refused with a log line and the generated one used instead. WAV reading and writing is the JDK's
 * javax.sound, so nothing here parses RIFF by hand.
 */
public final class VoiceClips {
    private static final Logger log = LoggerFactory.getLogger(VoiceClips.class);
    public static final String CHIME = "chime";
    /** Half a second of silence: between the Vietnamese and the English of the kiosk's guidance. */
    public static final String PAUSE = "pause";
    /** 22 050 Hz, 16-bit signed little-endian mono: espeak-ng's output. */
    public static final AudioFormat FORMAT = new AudioFormat(22050f, 16, 1, true, false);

    private final Path custom;
    private final Path generated;
    private final String espeak;
    /**
     * Clips read so far, held softly: together up to about 4 MB of a small heap, and the collector may drop
     * them under pressure (read again from the file, which the kernel's page cache holds).
     */
    private final Map<String, SoftReference<byte[]>> pcm = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    public VoiceClips(Path voiceDir, String espeakCommand) {
        this.custom = voiceDir.resolve("custom");
        this.generated = voiceDir.resolve("generated");
        this.espeak = espeakCommand;
    }

    /** Writes every clip not already generated. Returns how many are still missing (0 when all are there). */
    public int generateMissing() throws IOException, InterruptedException {
        Files.createDirectories(generated);
        Files.createDirectories(custom);
        Path chime = generated.resolve(CHIME + ".wav");
        if (!Files.exists(chime)) {
            writeWav(Chime.pcm(FORMAT), chime);
        }
        Path pause = generated.resolve(PAUSE + ".wav");
        if (!Files.exists(pause)) {
            writeWav(new byte[(int) (FORMAT.getSampleRate() / 2) * FORMAT.getFrameSize()], pause);
        }
        int missing = 0;
        for (String clip : VoiceWords.all()) {
            Path out = generated.resolve(clip + ".wav");
            if (Files.exists(out)) {
                continue;
            }
            Path tmp = generated.resolve(clip + ".tmp.wav");
            Process p = new ProcessBuilder(espeak, "-v", VoiceWords.voice(clip), "-s", String.valueOf(VoiceWords.speed(clip)), "-w", tmp.toString(),
                    VoiceWords.text(clip)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean finished;
            try {
                finished = p.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                // Stopping: leave no espeak-ng behind still writing into the data folder.
                p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                Files.deleteIfExists(tmp);
                throw e;
            }
            if (!finished || p.exitValue() != 0 || !Files.exists(tmp)) {
                p.destroyForcibly();
                missing++;
                continue;
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return missing;
    }

    /** The call as one WAV: the clips' samples one after another, in order. */
    public byte[] assemble(List<String> clips) throws IOException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (String clip : clips) {
            joined.write(samples(clip));
        }
        return wav(joined.toByteArray());
    }

    /** The raw samples of one clip, from the office's recording if it has a usable one. */
    public byte[] samples(String clip) throws IOException {
        if (!VoiceWords.known(clip)) {
            throw new IllegalArgumentException("no such voice clip: " + clip);
        }
        SoftReference<byte[]> held = pcm.get(clip);
        byte[] cached = held == null ? null : held.get();
        if (cached != null) {
            return cached;
        }
        byte[] s = read(custom.resolve(clip + ".wav"));
        if (s == null) {
            s = read(generated.resolve(clip + ".wav"));
        }
        if (s == null) {
            throw new IOException("voice clip " + clip + " is missing (espeak-ng not installed or not yet run?)");
        }
        pcm.put(clip, new SoftReference<>(s));
        return s;
    }

    private byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            if (!f.matches(FORMAT)) {
                refused.incrementAndGet();
                log.warn("Voice clip {} is {} but must be {}; ignored", file.getFileName(), f, FORMAT);
                return null;
            }
            return in.readAllBytes();
        } catch (UnsupportedAudioFileException e) {
            refused.incrementAndGet();
            log.warn("Voice clip {} is not a WAV file; ignored", file.getFileName());
            return null;
        }
    }

    public int refusedCount() {
        return refused.get();
    }

    static byte[] wav(byte[] samples) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(samples.length + 64);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), FORMAT,
                samples.length / FORMAT.getFrameSize())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        }
        return out.toByteArray();
    }

    private static void writeWav(byte[] samples, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, wav(samples));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
