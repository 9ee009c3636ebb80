package vn.motcua.appliance.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.TestStores;

/** The hash budget: permits, a short line for sources with failures, unknown names at the same cost. */
class PasswordChecksTest {
    private static final String HASH = PasswordHash.hash("mat-khau-1".toCharArray());
    /** A well-formed hash with 60 passes: each check of it holds its place in the line for seconds. */
    private static final String SLOW = "$argon2id$v=19$m=19456,t=60,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
            + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

    @Test
    void aMachineGetsAtLeastOnePermitAndNoMoreThanHalfItsProcessors() {
        PasswordChecks c = PasswordChecks.forThisMachine();
        assertTrue(c.permits() >= 1);
        assertTrue(c.permits() <= Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    @Test
    void anUnknownNameIsCheckedAtTheSameCostAndNeverMatches() {
        PasswordChecks c = new PasswordChecks(1);
        assertEquals(Optional.of(false), c.verify("not-a-password".toCharArray(), null, Duration.ofSeconds(30)));
        assertEquals(Optional.of(true), c.verify("mat-khau-1".toCharArray(), HASH, Duration.ofSeconds(30)));
        assertEquals(Optional.of(false), c.verify("sai".toCharArray(), HASH, Duration.ofSeconds(30)));
        assertEquals(3, c.computed(), "the unknown name was hashed too");
    }

    @Test
    void nothingIsHashedAtConstructionTheFirstUnknownNameOrTheWarmUpPreparesIt() {
        PasswordChecks c = new PasswordChecks(1);
        assertFalse(c.prepared(), "built on the start path: no Argon2 run yet");
        assertEquals(Optional.of(false), c.verify("khong-co".toCharArray(), null, Duration.ofSeconds(30)));
        assertTrue(c.prepared(), "an unknown name before the warm-up prepares it itself");

        PasswordChecks warmed = new PasswordChecks(1);
        warmed.prepare();
        warmed.prepare(); // once only
        assertTrue(warmed.prepared());
        assertEquals(0, warmed.computed(), "the warm-up is no check");
    }

    @Test
    void whenTheLineIsFullASourceWithFailuresIsBusyAtOnceAndACleanOneStillWaits() throws Exception {
        PasswordChecks c = new PasswordChecks(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            // a long line: many checks from clean sources (the budget lets them wait)
            CompletableFuture<?>[] line = new CompletableFuture<?>[c.maxInLine()];
            for (int i = 0; i < line.length; i++) {
                line[i] = CompletableFuture.runAsync(() -> c.verify("x".toCharArray(), SLOW, Duration.ofSeconds(60), true), pool);
            }
            TestStores.await(() -> c.inLine() == c.maxInLine(), Duration.ofSeconds(30), "the line full");
            assertEquals(Optional.empty(), c.verify("guess".toCharArray(), HASH, Duration.ofSeconds(60), false),
                    "a source with failures is not queued");
            assertEquals(Optional.of(true), c.verify("mat-khau-1".toCharArray(), HASH, Duration.ofSeconds(60), true),
                    "a clean source waits its turn");
            CompletableFuture.allOf(line).get();
        }
    }
}
