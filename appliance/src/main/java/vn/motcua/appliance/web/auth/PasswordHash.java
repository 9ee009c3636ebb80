package vn.motcua.appliance.web.auth;

import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Staff passwords as Argon2id hashes in the PHC string format ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}),
 * computed by Bouncy Castle. Argon2id rather than the JDK's PBKDF2 because it is memory-hard: a stolen
 * accounts file cannot be attacked cheaply on GPUs.
 *
 * <p>Parameters: OWASP's Password Storage Cheat Sheet (2025) recommends Argon2id with at least 19 MiB, 2 passes,
 * 1 lane, or any of its equally strong trades of memory for passes (46 MiB/1, 12 MiB/3, 9 MiB/4, 7 MiB/5). We take
 * 7 MiB with 5 passes: on a Pi 4 that also runs Chromium memory is the scarcer resource, and on the appliance's
 * 128-256 MB heap every check's blocks live through young collections and are promoted, so bytes per check became
 * full collections that stalled the kiosk during a login flood (issue 21; see BENCHMARKS.md "LAN attack"). The CPU
 * cost is about the same (35 MiB-passes against 38). More memory or passes would cost logins per second and
 * headroom the kiosk needs, while the accounts file is readable by root only. How many run at once is bounded by
 * {@link PasswordChecks}. The parameters are stored in each hash, so accounts hashed with others (the former
 * 19 MiB/2) still verify, and they can be raised later without invalidating any.
 */
public final class PasswordHash {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{32,128})");
    /** One of OWASP's equally strong Argon2id settings: 7 MiB, 5 passes, 1 lane. */
    public static final int MEMORY_KIB = 7 * 1024;
    private static final int PASSES = 5;
    private static final int LANES = 1;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private PasswordHash() {}

    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] h = argon2(password, salt, MEMORY_KIB, PASSES, LANES, 32);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(h);
    }

    /** True when the password matches; false for a wrong password or a malformed stored hash. Constant-time compare. */
    public static boolean verify(char[] password, String stored) {
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        int mem = Integer.parseInt(m.group(1));
        int t = Integer.parseInt(m.group(2));
        int p = Integer.parseInt(m.group(3));
        if (mem < 8 * p || mem > 262_144 || t < 1 || p < 1) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = argon2(password, B64D.decode(m.group(4)), mem, t, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    public static boolean wellFormed(String stored) {
        return PHC.matcher(stored).matches();
    }

    private static byte[] argon2(char[] password, byte[] salt, int memKib, int passes, int lanes, int len) {
        return generate(generator(salt, memKib, passes, lanes), password, len);
    }

    private static Argon2BytesGenerator generator(byte[] salt, int memKib, int passes, int lanes) {
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        // init allocates the whole memory (7 MiB of blocks); generateBytes only fills it, and clears it after
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memKib).withIterations(passes).withParallelism(lanes).build());
        return gen;
    }

    private static byte[] generate(Argon2BytesGenerator gen, char[] password, int len) {
        byte[] out = new byte[len];
        byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
        gen.generateBytes(pw, out);
        java.util.Arrays.fill(pw, (byte) 0);
        return out;
    }

    /**
     * Checks against one fixed hash, keeping its Argon2 memory from one check to the next: the same work as
     * {@link #verify}, without 7 MiB of fresh garbage each time. For the answer to an unknown name (issue 21: a
     * flood of made-up names churned the heap into OutOfMemoryError and long collections). One check at a time.
     * <p>The memory is held softly: during a flood every check uses it, so the collector keeps it; once no unknown
     * name has come for a while (about a second per free MiB of heap, the JVM's soft reference policy) a collection
     * takes it back, and the next check allocates it again. On a quiet day that is 7 MiB less live heap, most of
     * the appliance's live heap besides the queue (issue 20, BENCHMARKS.md "Memory through busy days").
     */
    public static final class Reusable {
        private final byte[] salt;
        private final byte[] expected;
        private SoftReference<Argon2BytesGenerator> gen = new SoftReference<>(null);

        public Reusable(char[] password) {
            String stored = hash(password);
            Matcher m = PHC.matcher(stored);
            m.matches();
            salt = B64D.decode(m.group(4));
            expected = B64D.decode(m.group(5));
        }

        public synchronized boolean verify(char[] password) {
            Argon2BytesGenerator g = gen.get();
            if (g == null) {
                g = generator(salt, MEMORY_KIB, PASSES, LANES);
                gen = new SoftReference<>(g);
            }
            return MessageDigest.isEqual(expected, generate(g, password, expected.length));
        }
    }
}
