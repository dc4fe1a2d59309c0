package io.shopcare.alerts;

import io.shopcare.outcome.Refusal;
import io.shopcare.signing.KeyRing;
import io.shopcare.signing.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The tokens in e-mail links, signed by {@link Signer} (key rotation, constant-time checks). The
 * payload binds the purpose, so a confirm token can never unsubscribe and the other way round.
 * Forged, foreign or cross-purpose tokens are 404 (unknown); expired confirm tokens are 410.
 */
public final class LinkTokens {
    public static final Duration CONFIRM_VALIDITY = Duration.ofDays(7);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final Signer signer;

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

    public LinkTokens(KeyRing keyRing) {
        this.signer = new Signer(keyRing, "email-link");
    }

    public String issue(Purpose purpose, String subject, Instant now) {
        return signer.sign(ENCODER.encodeToString((purpose.code + "|" + subject + "|" + now.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The token's claims if it is genuine, unexpired and made for {@code purpose}. */
    public Claims verify(String token, Purpose purpose, Instant now) {
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(signer.verify(token).orElseThrow(LinkTokens::unknown)),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unknown();
        }
        String[] fields = payload.split("\\|", -1);
        if (fields.length != 3 || !fields[0].equals(purpose.code) || !fields[2].matches("[0-9]{1,12}")) {
            throw unknown();
        }
        Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(fields[2]));
        if (purpose == Purpose.CONFIRM && now.isAfter(issuedAt.plus(CONFIRM_VALIDITY))) {
            throw Refusal.expired("TOKEN_EXPIRED", "This link has expired; please sign up again.");
        }
        return new Claims(fields[1], issuedAt);
    }

    private static Refusal unknown() {
        return Refusal.notFound("This link is not valid.", java.util.List.of());
    }
}
