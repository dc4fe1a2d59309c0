package io.shopcare.idempotency;

/**
 * What is stored under an idempotency key: the fingerprint of the request that took it and, once
 * its effect is done, the reply to give again. Until then the key is {@code IN_PROGRESS}.
 */
public record StoredReply(Status status, String fingerprint, String body) {

    public enum Status { IN_PROGRESS, COMPLETED }

    public static StoredReply completed(String fingerprint, String body) {
        return new StoredReply(Status.COMPLETED, fingerprint, body);
    }
}
