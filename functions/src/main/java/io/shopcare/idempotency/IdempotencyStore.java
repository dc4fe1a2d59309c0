package io.shopcare.idempotency;

import java.util.Optional;

/** Reads replies stored under idempotency keys. Writing happens inside the caller's own transaction. */
public interface IdempotencyStore {
    Optional<StoredReply> find(String key);
}
