package io.shopcare.idempotency;

import io.shopcare.http.ApiException;
import java.util.List;
import java.util.Optional;

/**
 * Runs an effect that is not one DynamoDB transaction at most once per idempotency key: the key
 * is taken before the effect (so two concurrent requests cannot both run it), a request repeated
 * with the same body gets the first reply without the effect, another body gets 422, and a
 * failed effect frees the key for a retry.
 */
public final class OnceOnly {
    private final IdempotencyStore store;

    public OnceOnly(IdempotencyStore store) {
        this.store = store;
    }

    /** The reply body to send: {@code replyBody} after running the effect, or the first reply under the key. */
    public String run(Optional<IdempotencyKey> key, String replyBody, Runnable effect) {
        if (key.isEmpty()) {
            effect.run();
            return replyBody;
        }
        IdempotencyKey idempotencyKey = key.get();
        for (int attempt = 0; attempt < 2; attempt++) {
            if (store.take(idempotencyKey, replyBody)) {
                try {
                    effect.run();
                } catch (RuntimeException e) {
                    store.giveBack(idempotencyKey);
                    throw e;
                }
                return replyBody;
            }
            Optional<StoredReply> first = store.find(idempotencyKey.key());
            if (first.isPresent()) {
                return idempotencyKey.replay(first.get());
            }
            // Given back (its request failed) or expired between the two reads: take it again.
        }
        throw ApiException.conflict("IDEMPOTENCY_KEY_BUSY",
                "A request with this Idempotency-Key is being retried right now; try again.", List.of());
    }
}
