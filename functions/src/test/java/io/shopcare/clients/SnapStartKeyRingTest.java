package io.shopcare.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shopcare.signing.CachedKeyRing;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The signing keys never sit in a snapshot, and a restored copy reads them afresh. */
class SnapStartKeyRingTest {
    private static final String SECRET = "{\"current\": \"k1\", \"k1\": \"0123456789abcdef0123456789abcdef\"}";

    @Test
    void primingReadsTheSecretAndDropsItAndEachRestoreDropsTheKeysAgain() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        SnapStartKeyRing ring = new SnapStartKeyRing(new CachedKeyRing(() -> {
            reads.incrementAndGet();
            return SECRET;
        }, Clock.systemUTC(), Duration.ofMinutes(5), Duration.ofHours(1)));

        ring.snapStartHooks().beforeCheckpoint(null);
        assertEquals(1, reads.get(), "priming read the secret once");
        ring.keys();
        assertEquals(2, reads.get(), "nothing was kept for the snapshot");

        ring.keys();
        assertEquals(2, reads.get(), "between snapshots the keys are cached as usual");
        ring.snapStartHooks().afterRestore(null);
        assertEquals("k1", ring.keys().currentKeyId());
        assertEquals(3, reads.get(), "a restored copy reads the keys current at restore");
    }
}
