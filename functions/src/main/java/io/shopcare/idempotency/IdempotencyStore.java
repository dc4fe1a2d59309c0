package io.shopcare.idempotency;

import java.time.Duration;
import java.util.Optional;

/**
 * Records under idempotency keys. Effects that are one DynamoDB transaction store their reply
 * inside it; effects that are not (a sign-up) {@link #take} the key as in progress, then
 * {@link #complete} it with the reply, or {@link #giveBack} it when they fail. A key taken by a
 * request that crashed is free again once its lease runs out.
 */
public interface IdempotencyStore {
    Optional<StoredReply> find(String key);

    /** Marks the key in progress for {@code lease} unless it is held; true when this request took it. */
    boolean take(IdempotencyKey key, Duration lease);

    /** Stores the reply of a finished effect under a key this request took. */
    void complete(IdempotencyKey key, String replyBody);

    /** Frees a key whose request failed, so a retry with it does the work again. */
    void giveBack(IdempotencyKey key);
}
