package io.shopcare.returns.label;

import io.shopcare.signing.KeyRing;
import io.shopcare.signing.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The label's link, {@code /returns/{returnId}/label?token=…} (storefront-api.md): it must work
 * from an e-mail, so everything is in the URL. The token is signed by {@link Signer} for its own
 * purpose (no order token, cursor or alert link passes as one, and the other way round) and names
 * the order, the return and when the link stops working; keys rotate without breaking links
 * already sent. A token for another return, an expired, forged or truncated one all verify to
 * nothing, which the route answers as 404.
 */
public final class LabelLinks {
    public static final String PURPOSE = "return-label";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** The ids the API uses ({@code ApiRequest.pathId}); they never contain the '|' that separates the claims. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Signer signer;

    /** What a genuine token says. */
    public record Claim(String orderId, String returnId, Instant expiresAt) {
    }

    public LabelLinks(KeyRing keys) {
        this.signer = new Signer(keys, PURPOSE);
    }

    /** A token for the label of {@code returnId} of {@code orderId}, valid until {@code expiresAt}. */
    public String token(String orderId, String returnId, Instant expiresAt) {
        if (!ID.matcher(orderId).matches() || !ID.matcher(returnId).matches()) {
            throw new IllegalArgumentException("order and return ids are 1-64 letters, digits, '.', '_' or '-'");
        }
        return signer.sign(ENCODER.encodeToString((orderId + "|" + returnId + "|" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The label's URL under the API's base URL (the return's {@code label.url}). */
    public String url(String apiBaseUrl, String orderId, String returnId, Instant expiresAt) {
        String base = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        // Base64url and '.' need no percent-encoding in a query.
        return base + "/returns/" + returnId + "/label?token=" + token(orderId, returnId, expiresAt);
    }

    /** The claim of a genuine, unexpired token made for {@code returnId}; empty for anything else. */
    public Optional<Claim> verify(String returnId, String token, Instant now) {
        Optional<String> payload = signer.verify(token);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        String[] claims;
        try {
            claims = new String(Base64.getUrlDecoder().decode(payload.get()), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (claims.length != 3 || !claims[1].equals(returnId) || !ID.matcher(claims[0]).matches()
                || !claims[2].matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(claims[2]));
        return now.isBefore(expiresAt) ? Optional.of(new Claim(claims[0], claims[1], expiresAt)) : Optional.empty();
    }
}
