package io.shopcare.idempotency;

import io.shopcare.http.ApiException;
import io.shopcare.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A client's {@code Idempotency-Key} with the fingerprint of the request it came with. The same
 * key with the same request replays the first answer; with another request it is refused (422).
 */
public record IdempotencyKey(String key, String fingerprint) {

    /** The key of this request, if it carries one; 400 when the header is malformed. */
    public static Optional<IdempotencyKey> of(ApiRequest request) {
        String key = request.header("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw ApiException.invalid("Idempotency-Key", "must be 1-128 printable ASCII characters without spaces");
        }
        String body = request.body() == null ? "" : request.body();
        return Optional.of(new IdempotencyKey(key, sha256(request.method() + " " + request.path() + "\n" + body)));
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
     * The answer to give for a key that was used before: the stored reply; 422 when the key came
     * with another request; 409 while the first request is still running.
     */
    public String replay(StoredReply stored) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used with a different request.");
        }
        if (stored.status() != StoredReply.Status.COMPLETED) {
            throw ApiException.conflict("IDEMPOTENCY_KEY_IN_PROGRESS",
                    "The first request with this Idempotency-Key is still being processed; retry in a few seconds.",
                    java.util.List.of());
        }
        return stored.body();
    }
}
