package io.shopcare.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.mail.EmailAddress;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.Mailer;
import io.shopcare.signing.SigningKeys;
import io.shopcare.testing.InMemoryCatalog;
import io.shopcare.testing.Products;
import io.shopcare.testing.RecordingMailer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfirmationMailsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final AtomicInteger ids = new AtomicInteger();
    private final LinkTokens tokens = new LinkTokens(() -> SigningKeys.fromSecret(
            "{\"current\": \"k1\", \"k1\": \"" + "s".repeat(40) + "\"}"));
    private final ConfirmationMails mails = new ConfirmationMails(store, new InMemoryCatalog().with(Products.JACKET),
            mailer, new EmailRenderer(), new Links("https://api.example", "https://shop.example", tokens), CLOCK);
    private final SignUpService signUps = new SignUpService(store, new InMemoryCatalog().with(Products.JACKET),
            "jackets"::equals, () -> "opaque-id-" + ids.incrementAndGet(), CLOCK);

    private InMemorySubscriptionStore.Entry signUp(String address) {
        signUps.signUpForAlert("JK-M", address, Language.FR);
        return store.entries.values().stream().filter(e -> e.subscription.email().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void sendsTheRequestedEmailOnceWithLinksThatCarryAnOpaqueIdOnly() {
        InMemorySubscriptionStore.Entry entry = signUp("Marie@Example.fr");
        Ref ref = entry.subscription.ref();
        mails.send(ref, entry.mailRequest);
        mails.send(ref, entry.mailRequest); // the stream delivers the record again
        assertEquals(List.of("Marie@Example.fr"), mailer.recipients());
        assertEquals("SENT", entry.mail);
        String text = mailer.sent.get(0).content().text();
        assertTrue(mailer.sent.get(0).content().subject().startsWith("Confirmez"), mailer.sent.get(0).content().subject());
        String unsubscribe = mailer.sent.get(0).unsubscribeUrl();
        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6);
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(payload.contains(ref.subscriberId()), payload);
        String addressKey = EmailAddress.parse("marie@example.fr").orElseThrow().key();
        assertFalse(payload.contains(addressKey) || payload.toLowerCase().contains("marie"), "nothing derived from the address");
        assertEquals(ref.subscriberId(), tokens.verify(token, LinkTokens.Purpose.UNSUBSCRIBE, CLOCK.instant()).subject());
        assertTrue(text.contains("/alerts/confirm?token="), text);
    }

    @Test
    void aFailedSendIsAskedForAgainUpToThreeAttemptsThenGivenUp() {
        InMemorySubscriptionStore.Entry entry = signUp("retry@example.com");
        Ref ref = entry.subscription.ref();
        mailer.failNext(new Mailer.NotSent("throttled", null)).failNext(new IllegalStateException("timeout"))
                .failNext(new IllegalStateException("timeout"));
        for (int attempt = 1; attempt <= 4; attempt++) {
            mails.send(ref, entry.mailRequest); // each REQUESTED state comes back through the stream
        }
        assertEquals(List.of(), mailer.sent);
        assertEquals("FAILED", entry.mail);
        assertEquals(3, entry.mailAttempts);

        InMemorySubscriptionStore.Entry again = signUp("retry@example.com");
        mails.send(ref, again.mailRequest);
        assertEquals(List.of("retry@example.com"), mailer.recipients(), "a new sign-up asks anew");
    }

    @Test
    void aSupersededEndedOrBouncedRequestSendsNothing() {
        InMemorySubscriptionStore.Entry entry = signUp("first@example.com");
        String stale = entry.mailRequest;
        signUp("first@example.com");
        mails.send(entry.subscription.ref(), stale);
        assertEquals(List.of(), mailer.sent, "an older request's record after a newer sign-up");

        InMemorySubscriptionStore.Entry ended = signUp("gone@example.com");
        store.endAll(ended.subscription.ref().subscriberId(), Status.UNSUBSCRIBED);
        mails.send(ended.subscription.ref(), ended.mailRequest);
        assertEquals(List.of(), mailer.sent);

        InMemorySubscriptionStore.Entry bounced = signUp("bounced@example.com");
        new Suppressions(store, () -> "unused").suppress("BOUNCED@example.com");
        mails.send(bounced.subscription.ref(), bounced.mailRequest);
        assertEquals(List.of(), mailer.sent);
        assertEquals(Status.SUPPRESSED, bounced.subscription.status());
    }
}
