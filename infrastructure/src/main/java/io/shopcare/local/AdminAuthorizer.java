package io.shopcare.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * The local stand-in for the IAM authorizer of the merchant routes: exactly one
 * {@code Authorization: Bearer <admin token>} header (scheme in any case). The comparison takes
 * the same time wherever the tokens differ, so timing does not reveal the token.
 */
final class AdminAuthorizer {
    private final byte[] tokenDigest;

    AdminAuthorizer(String adminToken) {
        this.tokenDigest = sha256(adminToken);
    }

    /** @param authorization every Authorization header of the request, in order */
    boolean allows(List<String> authorization) {
        if (authorization.size() != 1) {
            return false;
        }
        String header = authorization.get(0).trim();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return false;
        }
        String token = header.substring(space + 1).trim();
        // Digests have one length, so even a token of another length is compared in full.
        return !token.isEmpty() && MessageDigest.isEqual(tokenDigest, sha256(token));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
