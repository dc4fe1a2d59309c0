package io.shopcare.idempotency;

import java.util.Optional;

/**
 * Replies stored under idempotency keys. Effects that are one DynamoDB transaction store the reply
 * inside it; effects that are not (a sign-up that sends an e-mail) take the key first with
 * {@link #take} and give it back with {@link #giveBack} when they fail.
 */
public interface IdempotencyStore {
    Optional<StoredReply> find(String key);

    /** Stores the reply under the key unless it is taken; true when this request took it. */
    boolean take(IdempotencyKey key, String replyBody);

    /** Frees a key whose request failed, so a retry with it does the work again. */
    void giveBack(IdempotencyKey key);
}
