package io.shopcare.alerts;

import io.shopcare.http.ApiException;
import io.shopcare.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens in e-mail links: {@code KID.PAYLOAD.SIGNATURE}, where the signature is
 * HMAC-SHA-256 over {@code KID.PAYLOAD} with the key named KID, so keys can be rotated (new
 * tokens use the current key, old ones verify while their key is still listed). The payload binds
 * the purpose, so a confirm token can never unsubscribe and the other way round.
 * Forged, foreign or cross-purpose tokens are 404 (unknown); expired confirm tokens are 410.
 */
public final class LinkTokens {
    public static final Duration CONFIRM_VALIDITY = Duration.ofDays(7);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final String currentKeyId;
    private final Map<String, byte[]> keys;

    public enum Purpose {
        CONFIRM("c"), UNSUBSCRIBE("u");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }
    }

    /** What a valid token says: for whom (subject) and when it was issued. */
    public record Claims(String subject, Instant issuedAt) {
    }

    public LinkTokens(String currentKeyId, Map<String, byte[]> keys) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current token key " + currentKeyId + " is not among the keys");
        }
        keys.values().forEach(key -> {
            if (key.length < 32) {
                throw new IllegalArgumentException("token keys must have at least 32 bytes");
            }
        });
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * Reads the key set from configuration: {@code {"current": "k2", "k1": "...", "k2": "..."}}
     * (the secret's JSON; each key's UTF-8 bytes are the HMAC key).
     */
    public static LinkTokens fromConfiguration(String json) {
        Map<String, Object> document = Json.parseObject(json);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        document.forEach((name, value) -> {
            if (!"current".equals(name)) {
                keys.put(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            }
        });
        return new LinkTokens(String.valueOf(document.get("current")), keys);
    }

    public String issue(Purpose purpose, String subject, Instant now) {
        String payload = ENCODER.encodeToString((purpose.code + "|" + subject + "|" + now.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        String signed = currentKeyId + "." + payload;
        return signed + "." + ENCODER.encodeToString(mac(keys.get(currentKeyId), signed));
    }

    /** The token's claims if it is genuine, unexpired and made for {@code purpose}. */
    public Claims verify(String token, Purpose purpose, Instant now) {
        if (token == null || token.length() > 512) {
            throw unknown();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !keys.containsKey(parts[0])) {
            throw unknown();
        }
        byte[] signature;
        String payload;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
            payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unknown();
        }
        // Constant time: the comparison must not tell a forger how many bytes were right.
        if (!MessageDigest.isEqual(mac(keys.get(parts[0]), parts[0] + "." + parts[1]), signature)) {
            throw unknown();
        }
        String[] fields = payload.split("\\|", -1);
        if (fields.length != 3 || !fields[0].equals(purpose.code)) {
            throw unknown();
        }
        Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(fields[2]));
        if (purpose == Purpose.CONFIRM && now.isAfter(issuedAt.plus(CONFIRM_VALIDITY))) {
            throw new ApiException(410, "TOKEN_EXPIRED", "This link has expired; please sign up again.");
        }
        return new Claims(fields[1], issuedAt);
    }

    private static ApiException unknown() {
        return new ApiException(404, "NOT_FOUND", "This link is not valid.");
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
