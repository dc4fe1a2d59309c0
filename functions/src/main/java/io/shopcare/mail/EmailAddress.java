package io.shopcare.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated, normalised e-mail address (trimmed, lower-cased, at most 254 characters) and the
 * key it is stored under. The key is a hash, so tokens and index keys never carry the address.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    // Pragmatic RFC 5321 subset: dot-atom local part, a domain of LDH labels with a TLD.
    private static final Pattern SYNTAX = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /** The normalised address, or empty when it is not a usable address. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalised = raw.trim().toLowerCase(Locale.ROOT);
        if (normalised.length() > MAX_LENGTH || normalised.indexOf('@') > 64 || !SYNTAX.matcher(normalised).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(normalised));
    }

    /** A stable, opaque key for this address (22 base64url characters of its SHA-256). */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
