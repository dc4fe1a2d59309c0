package io.shopcare.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shopcare.alerts.LinkTokens.Purpose;
import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.mail.Language;
import io.shopcare.outcome.Refusal;
import io.shopcare.signing.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the e-mail links do, in memory: confirm once or twice, refuse ended sign-ups, unsubscribe everything. */
class SubscriptionServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final LinkTokens tokens = new LinkTokens(() -> SigningKeys.fromSecret(
            "{\"current\": \"k1\", \"k1\": \"" + "t".repeat(40) + "\"}"));
    private final SubscriptionService service = new SubscriptionService(store, tokens, Clock.fixed(NOW, ZoneOffset.UTC));

    private Ref pending(Ref ref) {
        store.requestConfirmation(new Subscription(ref, "a@example.com", Language.EN, Status.PENDING_CONFIRMATION, NOW,
                List.of()), "request");
        return ref;
    }

    private String confirmToken(Ref ref, Instant issuedAt) {
        return tokens.issue(Purpose.CONFIRM, ref.tokenSubject(), issuedAt);
    }

    @Test
    void confirmingActivatesAndConfirmingAgainIsHarmless() {
        Ref ref = pending(Ref.alert("JK-M", "sub-1"));
        assertEquals(Map.of("status", "ACTIVE", "sku", "JK-M"), service.confirm(confirmToken(ref, NOW)));
        assertEquals(Map.of("status", "ACTIVE", "sku", "JK-M"), service.confirm(confirmToken(ref, NOW)));
        Ref digest = pending(Ref.digest("sub-1"));
        assertEquals(Map.of("status", "ACTIVE"), service.confirm(confirmToken(digest, NOW)));
    }

    @Test
    void oneClickEndsEveryAlertAndTheDigestAndAnOldConfirmLinkCannotRestartThem() {
        Ref alert = pending(Ref.alert("JK-M", "sub-1"));
        Ref other = pending(Ref.alert("JK-L", "sub-1"));
        Ref digest = pending(Ref.digest("sub-1"));
        Ref stranger = pending(Ref.alert("JK-M", "sub-2"));
        service.confirm(confirmToken(alert, NOW));
        String unsubscribe = tokens.issue(Purpose.UNSUBSCRIBE, "sub-1", NOW);
        service.checkUnsubscribeToken(unsubscribe); // the page: looks, changes nothing
        assertEquals(Status.ACTIVE, store.entries.get(alert).subscription.status());
        service.unsubscribe(unsubscribe);
        service.unsubscribe(unsubscribe); // a second click
        for (Ref ended : List.of(alert, other, digest)) {
            assertEquals(Status.UNSUBSCRIBED, store.entries.get(ended).subscription.status());
        }
        assertEquals(Status.PENDING_CONFIRMATION, store.entries.get(stranger).subscription.status());
        Refusal ended = assertThrows(Refusal.class, () -> service.confirm(confirmToken(other, NOW)));
        assertEquals("SUBSCRIPTION_ENDED", ended.code());
    }

    @Test
    void forgedCrossPurposeExpiredAndUnknownLinksAreRefused() {
        Ref ref = pending(Ref.alert("JK-M", "sub-1"));
        String unsubscribe = tokens.issue(Purpose.UNSUBSCRIBE, "sub-1", NOW);
        assertEquals(Refusal.Kind.NOT_FOUND, assertThrows(Refusal.class, () -> service.confirm(unsubscribe)).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, assertThrows(Refusal.class, () -> service.unsubscribe(confirmToken(ref, NOW))).kind());
        assertEquals(Refusal.Kind.EXPIRED, assertThrows(Refusal.class,
                () -> service.confirm(confirmToken(ref, NOW.minus(Duration.ofDays(8))))).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, assertThrows(Refusal.class,
                () -> service.confirm(confirmToken(Ref.alert("JK-M", "nobody"), NOW))).kind());
        assertEquals(Status.PENDING_CONFIRMATION, store.entries.get(ref).subscription.status());
    }
}
