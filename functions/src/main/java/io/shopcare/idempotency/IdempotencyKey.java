package io.shopcare.idempotency;

import io.shopcare.outcome.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A client's idempotency key with the fingerprint of the request it came with. The same key with
 * the same request replays the first answer; with another request it is refused.
 */
public record IdempotencyKey(String key, String fingerprint) {

    /** The key for a request, fingerprinted by what the request does (method, path, body). */
    public static IdempotencyKey of(String key, String method, String path, String body) {
        return new IdempotencyKey(key, sha256(method + " " + path + "\n" + (body == null ? "" : body)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * The answer to give for a key that was used before: the stored reply; refused when the key
     * came with another request, or while the first request is still running.
     */
    public String replay(StoredReply stored) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw Refusal.keyReused("This Idempotency-Key was already used with a different request.");
        }
        if (stored.status() != StoredReply.Status.COMPLETED) {
            throw Refusal.conflict("IDEMPOTENCY_KEY_BUSY",
                    "The first request with this Idempotency-Key is still being processed; retry in a few seconds.");
        }
        return stored.body();
    }
}
