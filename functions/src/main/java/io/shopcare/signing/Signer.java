package io.shopcare.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
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
    private final KeyRing keyRing;
    private final byte[] purpose;

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
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (key == null || !MessageDigest.isEqual(mac(key, parts[0] + "." + parts[1]), signature)) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] derived = mac.doFinal(purpose);
            mac.init(new SecretKeySpec(derived, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
