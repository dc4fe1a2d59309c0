package io.shopcare.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated e-mail address, kept as the shopper typed it (trimmed) because that is where mail
 * goes. Two derived keys never leave the server: {@link #key()} names the address (case does not
 * matter), {@link #mailboxKey()} names the mailbox behind it, so {@code a+1@gmail.com},
 * {@code A.B@googlemail.com} and {@code ab@gmail.com} share one sign-up limit.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    // Pragmatic RFC 5321 subset: dot-atom local part, a domain of LDH labels with a TLD.
    private static final Pattern SYNTAX = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    /** Domains that ignore dots in the local part and are one mailbox space. */
    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");

    /** The address, or empty when it is not a usable address. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.length() > MAX_LENGTH || lower.indexOf('@') > 64 || !SYNTAX.matcher(lower).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(trimmed));
    }

    /** The address with case folded: one address however it is capitalised. */
    public String normalised() {
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * The mailbox the address delivers to: sub-addresses ({@code +tag}) dropped everywhere, dots
     * dropped and googlemail.com folded into gmail.com for Gmail. Only for counting, never for sending.
     */
    public String mailbox() {
        String address = normalised();
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (GMAIL.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    /** A stable key for the address (22 base64url characters of the SHA-256 of its normalised form). */
    public String key() {
        return hash(normalised());
    }

    /** A stable key for the mailbox behind the address, see {@link #mailbox()}. */
    public String mailboxKey() {
        return hash(mailbox());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
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
