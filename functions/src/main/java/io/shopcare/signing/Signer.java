package io.shopcare.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs short texts as {@code KID.PAYLOAD.SIGNATURE}: HMAC-SHA-256 over {@code KID.PAYLOAD} with
 * a key derived from the key named KID for one purpose, so a token made for one use (a listing
 * cursor) can never pass as another (an e-mail link). Verification is constant-time and accepts
 * every key still listed, so keys rotate without breaking what is already out there.
 */
public final class Signer {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_TOKEN_LENGTH = 2048;
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    });
    private final KeyRing keyRing;
    private final byte[] purpose;
    private final Map<KeyBytes, SecretKeySpec> purposeKeys = new ConcurrentHashMap<>();

    public Signer(KeyRing keyRing, String purpose) {
        this.keyRing = keyRing;
        this.purpose = ("shopcare:" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    /** Signs {@code payload}, which must not contain '.' (base64url text is fine). */
    public String sign(String payload) {
        if (payload.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a signed payload must not contain '.'");
        }
        SigningKeys keys = keyRing.keys();
        String signed = keys.currentKeyId() + "." + payload;
        return signed + "." + ENCODER.encodeToString(mac(keys.currentKey(), signed));
    }

    /** The payload of a genuine token, or empty for anything forged, foreign, truncated or oversized. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        byte[] key = keyRing.keys().key(parts[0]);
        // Compared as the text sign() writes, not as decoded bytes: a decoder ignores the unused low
        // bits of the last base64 character, so another last character would verify as well.
        if (key == null || !MessageDigest.isEqual(ENCODER.encodeToString(mac(key, parts[0] + "." + parts[1]))
                .getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private byte[] mac(byte[] key, String data) {
        Mac mac = MACS.get();
        try {
            mac.init(purposeKeys.computeIfAbsent(new KeyBytes(key), k -> derive(mac, k.bytes())));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** The key for this purpose: HMAC(key, purpose), computed once per key (a wave signs thousands of links). */
    private SecretKeySpec derive(Mac mac, byte[] key) {
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(purpose), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** Key bytes as a map key (arrays compare by identity). */
    private record KeyBytes(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof KeyBytes k && MessageDigest.isEqual(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }
}
