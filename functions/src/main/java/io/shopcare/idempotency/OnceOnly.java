package io.shopcare.idempotency;

import io.shopcare.outcome.Refusal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an effect that is not one DynamoDB transaction at most once per idempotency key. The key is
 * taken (in progress) before the effect, so two concurrent requests cannot both run it; the reply
 * is stored only after the effect succeeded, so a duplicate never hears "done" for work that may
 * still fail. A duplicate of a finished request gets the first reply; of one still running, 409;
 * with another body, 422. A failed effect frees the key; a crashed one frees it when the lease ends.
 */
public final class OnceOnly {
    /** Longer than any request may run (the functions' timeout is 10 s), short enough for a retry soon after a crash. */
    static final Duration LEASE = Duration.ofSeconds(30);
    private final IdempotencyStore store;

    public OnceOnly(IdempotencyStore store) {
        this.store = store;
    }

    /** The reply body: the effect's own, or the first reply given under the key. */
    public String run(Optional<IdempotencyKey> key, Supplier<String> effect) {
        if (key.isEmpty()) {
            return effect.get();
        }
        IdempotencyKey idempotencyKey = key.get();
        for (int attempt = 0; attempt < 2; attempt++) {
            if (store.take(idempotencyKey, LEASE)) {
                String reply;
                try {
                    reply = effect.get();
                } catch (RuntimeException e) {
                    store.giveBack(idempotencyKey);
                    throw e;
                }
                store.complete(idempotencyKey, reply);
                return reply;
            }
            Optional<StoredReply> first = store.find(idempotencyKey.key());
            if (first.isPresent()) {
                return idempotencyKey.replay(first.get());
            }
            // Given back (its request failed) or expired between the two reads: take it again.
        }
        throw Refusal.conflict("IDEMPOTENCY_KEY_BUSY",
                "A request with this Idempotency-Key is being retried right now; try again.");
    }
}
