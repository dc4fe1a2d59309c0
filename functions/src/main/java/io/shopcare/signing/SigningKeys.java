package io.shopcare.signing;

import io.shopcare.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HMAC keys that sign links and cursors: {@code {"current": "k2", "k1": "...", "k2": "..."}}
 * as the secret holds them. New signatures use the current key; every listed key still verifies,
 * so a key can be rotated in without breaking what was already e-mailed.
 */
public final class SigningKeys {
    private static final int MIN_KEY_BYTES = 32;
    private final String currentKeyId;
    private final Map<String, byte[]> keys;

    public SigningKeys(String currentKeyId, Map<String, byte[]> keys) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current signing key " + currentKeyId + " is not among the keys");
        }
        keys.forEach((id, key) -> {
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("signing key " + id + " is shorter than " + MIN_KEY_BYTES + " bytes");
            }
        });
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    /** Reads the secret's JSON; each key's UTF-8 bytes are the HMAC key. */
    public static SigningKeys fromSecret(String json) {
        Map<String, Object> document = Json.parseObject(json);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        document.forEach((name, value) -> {
            if (!"current".equals(name)) {
                keys.put(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            }
        });
        return new SigningKeys(String.valueOf(document.get("current")), keys);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public byte[] currentKey() {
        return keys.get(currentKeyId);
    }

    /** The key with this id, or null when it is not (or no longer) listed. */
    public byte[] key(String keyId) {
        return keys.get(keyId);
    }
}
