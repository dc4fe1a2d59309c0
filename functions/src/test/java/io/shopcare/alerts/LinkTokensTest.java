package io.shopcare.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shopcare.alerts.LinkTokens.Purpose;
import io.shopcare.outcome.Refusal;
import io.shopcare.signing.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkTokensTest {
    private static final String K1 = "k1-secret-k1-secret-k1-secret-k1-secret";
    private static final String K2 = "k2-secret-k2-secret-k2-secret-k2-secret";
    private final Instant now = Instant.parse("2026-11-22T14:03:00Z");
    private final LinkTokens tokens = tokens("{\"current\": \"k1\", \"k1\": \"" + K1 + "\"}");

    private static LinkTokens tokens(String secret) {
        return new LinkTokens(() -> SigningKeys.fromSecret(secret));
    }

    /** The HTTP status the edge gives the refusal: the contract's numbers for links (404 unknown, 410 expired). */
    private static int status(Runnable call) {
        return io.shopcare.http.ApiResponse.error(assertThrows(Refusal.class, call::run)).status();
    }

    @Test
    void aGenuineTokenVerifiesForItsPurpose() {
        String token = tokens.issue(Purpose.CONFIRM, "A:SKU-1:key", now);
        assertEquals("A:SKU-1:key", tokens.verify(token, Purpose.CONFIRM, now.plus(Duration.ofDays(6))).subject());
    }

    @Test
    void forgedForeignAndCrossPurposeTokensAreUnknown() {
        String token = tokens.issue(Purpose.UNSUBSCRIBE, "key", now);
        String[] parts = token.split("\\.");
        String otherPayload = tokens.issue(Purpose.UNSUBSCRIBE, "victim", now).split("\\.")[1];
        assertEquals(404, status(() -> tokens.verify(parts[0] + "." + otherPayload + "." + parts[2], Purpose.UNSUBSCRIBE, now)));
        assertEquals(404, status(() -> tokens.verify(token, Purpose.CONFIRM, now)));
        assertEquals(404, status(() -> tokens.verify("k9." + parts[1] + "." + parts[2], Purpose.UNSUBSCRIBE, now)));
        assertEquals(404, status(() -> tokens.verify("garbage", Purpose.UNSUBSCRIBE, now)));
        LinkTokens stranger = tokens("{\"current\": \"k1\", \"k1\": \"" + K2 + "\"}");
        assertEquals(404, status(() -> stranger.verify(token, Purpose.UNSUBSCRIBE, now)));
    }

    @Test
    void confirmTokensExpireAfterSevenDaysUnsubscribeTokensNever() {
        String confirm = tokens.issue(Purpose.CONFIRM, "D:key", now);
        assertEquals(410, status(() -> tokens.verify(confirm, Purpose.CONFIRM, now.plus(Duration.ofDays(7)).plusSeconds(1))));
        String unsubscribe = tokens.issue(Purpose.UNSUBSCRIBE, "key", now);
        assertEquals("key", tokens.verify(unsubscribe, Purpose.UNSUBSCRIBE, now.plus(Duration.ofDays(400))).subject());
    }

    @Test
    void rotationKeepsOldLinksWorkingWhileTheirKeyIsListed() {
        String old = tokens.issue(Purpose.UNSUBSCRIBE, "key", now);
        LinkTokens rotated = tokens(
                "{\"current\": \"k2\", \"k1\": \"" + K1 + "\", \"k2\": \"" + K2 + "\"}");
        assertEquals("key", rotated.verify(old, Purpose.UNSUBSCRIBE, now).subject());
        assertEquals("k2", rotated.issue(Purpose.UNSUBSCRIBE, "key", now).split("\\.")[0]);
    }
}
