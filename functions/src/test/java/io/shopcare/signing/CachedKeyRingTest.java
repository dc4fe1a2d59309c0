package io.shopcare.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class CachedKeyRingTest {
    private static final String K1 = "{\"current\": \"k1\", \"k1\": \"" + "a".repeat(40) + "\"}";
    private static final String K2 = "{\"current\": \"k2\", \"k1\": \"" + "a".repeat(40) + "\", \"k2\": \"" + "b".repeat(40) + "\"}";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final Deque<Object> answers = new ArrayDeque<>();
    private int reads;
    private final CachedKeyRing ring = new CachedKeyRing(() -> {
        reads++;
        Object next = answers.isEmpty() ? new IllegalStateException("no answer queued") : answers.pop();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return (String) next;
    }, clock, Duration.ofMinutes(5), Duration.ofHours(1));

    @Test
    void readsOnceAndPicksUpARotationAfterTheRefreshInterval() {
        answers.add(K1);
        answers.add(K2);
        assertEquals("k1", ring.keys().currentKeyId());
        clock.advance(Duration.ofMinutes(4));
        assertEquals("k1", ring.keys().currentKeyId());
        assertEquals(1, reads);
        clock.advance(Duration.ofMinutes(2));
        assertEquals("k2", ring.keys().currentKeyId());
        assertEquals(2, reads);
    }

    @Test
    void aFailedRefreshKeepsTheKeysForAnHourThenFails() {
        answers.add(K1);
        ring.keys();
        clock.advance(Duration.ofMinutes(30));
        answers.add(new IllegalStateException("Secrets Manager is down"));
        assertEquals("k1", ring.keys().currentKeyId());
        clock.advance(Duration.ofMinutes(31));
        answers.add(new IllegalStateException("still down"));
        assertThrows(IllegalStateException.class, ring::keys);
    }

    @Test
    void aSecretWithoutItsCurrentKeyOrWithAShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.fromSecret("{\"current\": \"k2\", \"k1\": \"" + "a".repeat(40) + "\"}"));
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.fromSecret("{\"current\": \"k1\", \"k1\": \"short\"}"));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
