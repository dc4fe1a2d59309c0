package io.shopcare.idempotency;

/** The first answer given under an idempotency key, with the fingerprint of its request. */
public record StoredReply(String fingerprint, String body) {
}
