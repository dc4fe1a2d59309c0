package io.shopcare.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shopcare.outcome.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An effect runs once per key, replies only after it succeeded, and a failed or crashed one frees the key. */
class OnceOnlyTest {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryStore store = new InMemoryStore();
    private final OnceOnly onceOnly = new OnceOnly(store);
    private final AtomicInteger effects = new AtomicInteger();

    /** The store's contract in memory: IN_PROGRESS with a lease, COMPLETED for a day. */
    private final class InMemoryStore implements IdempotencyStore {
        final Map<String, StoredReply> records = new HashMap<>();
        final Map<String, Instant> expiries = new HashMap<>();

        @Override
        public Optional<StoredReply> find(String key) {
            return expiries.containsKey(key) && expiries.get(key).isAfter(now) ? Optional.of(records.get(key)) : Optional.empty();
        }

        @Override
        public boolean take(IdempotencyKey key, Duration lease) {
            if (find(key.key()).isPresent()) {
                return false;
            }
            records.put(key.key(), new StoredReply(StoredReply.Status.IN_PROGRESS, key.fingerprint(), null));
            expiries.put(key.key(), now.plus(lease));
            return true;
        }

        @Override
        public void complete(IdempotencyKey key, String replyBody) {
            records.put(key.key(), StoredReply.completed(key.fingerprint(), replyBody));
            expiries.put(key.key(), now.plus(Duration.ofHours(24)));
        }

        @Override
        public void giveBack(IdempotencyKey key) {
            records.remove(key.key());
            expiries.remove(key.key());
        }
    }

    private Optional<IdempotencyKey> key(String key, String body) {
        return Optional.of(IdempotencyKey.of(key, "POST", "/skus/A/alerts", body));
    }

    private String effect() {
        return "reply-" + effects.incrementAndGet();
    }

    @Test
    void withoutAKeyTheEffectRunsEveryTime() {
        onceOnly.run(Optional.empty(), this::effect);
        onceOnly.run(Optional.empty(), this::effect);
        assertEquals(2, effects.get());
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstReplyAndAnotherBodyIsRefused() {
        assertEquals("reply-1", onceOnly.run(key("k", "{}"), this::effect));
        assertEquals("reply-1", onceOnly.run(key("k", "{}"), this::effect));
        assertEquals(1, effects.get());
        assertEquals(Refusal.Kind.KEY_REUSED, assertThrows(Refusal.class,
                () -> onceOnly.run(key("k", "{\"other\": 1}"), this::effect)).kind());
    }

    @Test
    void aDuplicateWhileTheFirstIsStillRunningIsToldToRetryNotThatItSucceeded() {
        String second = onceOnly.run(key("k", "{}"), () -> {
            Refusal busy = assertThrows(Refusal.class, () -> onceOnly.run(key("k", "{}"), this::effect));
            assertEquals("IDEMPOTENCY_KEY_BUSY", busy.code());
            return effect();
        });
        assertEquals("reply-1", second);
        assertEquals(1, effects.get());
    }

    @Test
    void aFailedEffectFreesTheKeyAndACrashedOneFreesItWhenTheLeaseEnds() {
        assertThrows(IllegalStateException.class, () -> onceOnly.run(key("k", "{}"), () -> {
            throw new IllegalStateException("the store is down");
        }));
        assertEquals("reply-1", onceOnly.run(key("k", "{}"), this::effect));

        store.take(IdempotencyKey.of("crashed", "POST", "/skus/A/alerts", "{}"), OnceOnly.LEASE); // taken, never completed
        assertEquals("IDEMPOTENCY_KEY_BUSY", assertThrows(Refusal.class,
                () -> onceOnly.run(key("crashed", "{}"), this::effect)).code());
        now = now.plus(OnceOnly.LEASE).plusSeconds(1);
        assertEquals("reply-2", onceOnly.run(key("crashed", "{}"), this::effect));
    }
}
